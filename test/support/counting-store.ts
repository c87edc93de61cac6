import type { Store } from '../../src/store/store.port';

/** Wraps a store so that a test can count the calls that reach it, by name. */
export function countingStore(store: Store): {
  store: Store;
  calls: () => Record<string, number>;
  total: () => number;
  reset: () => void;
} {
  let counts: Record<string, number> = {};
  const wrap = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            const name = `${prefix}${String(property)}`;
            counts[name] = (counts[name] ?? 0) + 1;
            return value.apply(object, args);
          };
        }
        if (typeof value === 'object' && value !== null) return wrap(value, `${String(property)}.`);
        return value;
      },
    });
  return {
    store: wrap(store, ''),
    calls: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    reset: () => {
      counts = {};
    },
  };
}
