import type { Store } from './store.port';

/**
 * Wraps a store so that every call is reported by name (`configs.list`, `relays.getMany`, …),
 * for counting store calls per request in tests and the bench, and later for metrics.
 */
export function meteredStore(store: Store, onCall: (operation: string) => void): Store {
  return new Proxy(store, {
    get(target, area) {
      const part = Reflect.get(target, area);
      if (typeof part === 'function') return part.bind(target);
      if (typeof part !== 'object' || part === null) return part;
      return new Proxy(part, {
        get(operations, name) {
          const operation = Reflect.get(operations, name);
          if (typeof operation !== 'function') return operation;
          return (...args: unknown[]) => {
            onCall(`${String(area)}.${String(name)}`);
            return operation.apply(operations, args);
          };
        },
      });
    },
  });
}
