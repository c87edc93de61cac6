import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Store } from './store.port';

const tracer = trace.getTracer('plugboard');

/** Ends a call's span when its promise settles (an async iterator's span ends when it is returned). */
function endWhenSettled(span: ReturnType<typeof tracer.startSpan>, result: unknown): unknown {
  if (!(result instanceof Promise)) {
    span.end();
    return result;
  }
  return result.then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string })?.code ?? 'ERROR' });
      span.end();
      throw error;
    },
  );
}

/**
 * Wraps a store so that every call is reported by name (`configs.list`, `relays.getMany`, …),
 * for counting store calls per request in tests, the bench and metrics, and traced as a client
 * span named by the operation (no arguments: they hold tenant data).
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
            const call = `${String(area)}.${String(name)}`;
            onCall(call);
            const span = tracer.startSpan(`store ${call}`, {
              kind: SpanKind.CLIENT,
              attributes: { 'db.operation.name': call },
            });
            return endWhenSettled(span, operation.apply(operations, args));
          };
        },
      });
    },
  });
}
