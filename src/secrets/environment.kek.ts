import { InputError } from '../errors';
import type { KeyEncryptionKeys } from './key-encryption.port';
import { Keyring } from './keyring';

/**
 * KEKs from the environment, for deployments whose secret store injects them:
 * `PLUGBOARD_KEKS="kek-a:<base64>,kek-b:<base64>"` and `PLUGBOARD_KEK_ACTIVE=kek-b` (default:
 * the last one). To rotate, add a key, make it active, restart, then run `plugboard kek rotate`.
 */
export class EnvironmentKeys extends Keyring implements KeyEncryptionKeys {
  readonly source = 'environment (PLUGBOARD_KEKS)';
  readonly canCreateKeys = false;

  static fromEnvironment(keys: string, active?: string): EnvironmentKeys {
    const entries = keys.split(',').map((entry) => {
      const separator = entry.indexOf(':');
      if (separator <= 0) throw new InputError('PLUGBOARD_KEKS must be a comma-separated list of id:base64key.');
      return [entry.slice(0, separator).trim(), entry.slice(separator + 1).trim()] as const;
    });
    try {
      return new EnvironmentKeys({
        active: active || entries[entries.length - 1][0],
        keys: Object.fromEntries(entries),
      });
    } catch (error) {
      throw new InputError(`PLUGBOARD_KEKS: ${(error as Error).message}`);
    }
  }

  async createActiveKey(): Promise<string> {
    throw new InputError(
      'Keys from the environment cannot be created here: add a key to PLUGBOARD_KEKS, set PLUGBOARD_KEK_ACTIVE to it, and restart.',
    );
  }
}
