import type { PlugboardConfig } from '../environment';
import { EnvironmentKeys } from './environment.kek';
import type { KeyEncryptionKeys } from './key-encryption.port';
import { LocalFileKeys } from './local-file.kek';

/** The key-encryption keys the configuration names: from the environment, or a local file. */
export function openKeys(config: PlugboardConfig): KeyEncryptionKeys {
  return config.keks.kind === 'environment'
    ? EnvironmentKeys.fromEnvironment(config.keks.keys, config.keks.active)
    : LocalFileKeys.openOrCreate(config.keks.file);
}
