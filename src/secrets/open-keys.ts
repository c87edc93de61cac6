import type { PlugboardConfig } from '../environment';
import { InputError } from '../errors';
import type { Store } from '../store/store.port';
import type { StoredDataKey } from '../store/store.types';
import { EnvironmentKeys } from './environment.kek';
import type { KeyEncryptionKeys } from './key-encryption.port';
import { LocalFileKeys } from './local-file.kek';

/**
 * The key-encryption keys the configuration names (the environment, or a local file), checked
 * against the store: every KEK that wraps a stored data key must be there and really unwrap
 * one, or startup stops, naming the key and where it was looked for. A key file is only ever
 * made for a store with no data key. The data keys are read once, in one pass.
 */
export async function openKeys(config: PlugboardConfig, store: Store): Promise<KeyEncryptionKeys> {
  const oneDataKeyPerKek = new Map<string, StoredDataKey>();
  for await (const dataKey of store.dataKeys.listAll()) {
    if (!oneDataKeyPerKek.has(dataKey.kekId)) oneDataKeyPerKek.set(dataKey.kekId, dataKey);
  }
  const keys =
    config.keks.kind === 'environment'
      ? EnvironmentKeys.fromEnvironment(config.keks.keys, config.keks.active)
      : LocalFileKeys.openOrCreate(config.keks.file, () => oneDataKeyPerKek.size === 0);
  for (const dataKey of oneDataKeyPerKek.values()) {
    try {
      await keys.unwrap(dataKey.tenantId, dataKey.kekId, dataKey.wrapped);
    } catch {
      throw new InputError(
        `The store holds data keys wrapped by key-encryption key "${dataKey.kekId}", which ${keys.source} does not have (or holds with other key material). Restore that key; secrets cannot be read without it.`,
      );
    }
  }
  return keys;
}
