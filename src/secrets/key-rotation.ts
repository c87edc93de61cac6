import { ConflictError } from '../errors';
import type { Store } from '../store/store.port';
import type { KeyEncryptionKeys } from './key-encryption.port';

export interface RotationProgress {
  total: number;
  done: number;
  rewrapped: number;
}

/**
 * Re-wraps every tenant's data key under the active KEK. Ciphertexts of field values are not
 * touched: their data keys do not change. Each data key is re-wrapped on its own, conditional
 * on still being wrapped by the key it was read with, so the run can be interrupted and run
 * again, and two runs at once do no harm.
 */
export async function rewrapDataKeys(
  store: Store,
  keys: KeyEncryptionKeys,
  onProgress: (progress: RotationProgress) => void = () => {},
): Promise<RotationProgress> {
  const active = keys.activeKeyId();
  const progress: RotationProgress = { total: await store.dataKeys.countAll(), done: 0, rewrapped: 0 };
  onProgress(progress);
  for await (const stored of store.dataKeys.listAll()) {
    if (stored.kekId !== active) {
      const dataKey = await keys.unwrap(stored.tenantId, stored.kekId, stored.wrapped);
      const { kekId, wrapped } = await keys.wrap(stored.tenantId, dataKey);
      try {
        await store.dataKeys.rewrap({ ...stored, kekId, wrapped, rewrappedAt: new Date().toISOString() }, stored.kekId);
        progress.rewrapped += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    progress.done += 1;
    onProgress(progress);
  }
  return progress;
}
