import { meteredStore } from '../../src/store/metered.store';
import type { Store } from '../../src/store/store.port';

/** Wraps a store so that a test can count the calls that reach it, by name. */
export function countingStore(store: Store): { store: Store; calls: () => Record<string, number>; reset: () => void } {
  let counts: Record<string, number> = {};
  return {
    store: meteredStore(store, (operation) => {
      counts[operation] = (counts[operation] ?? 0) + 1;
    }),
    calls: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
  };
}
