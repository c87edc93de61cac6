import { SingleBar } from 'cli-progress';
import type { PlugboardConfig } from '../environment';
import { InputError } from '../errors';
import type { Logger } from '../logger';
import { rewrapDataKeys } from '../secrets/key-rotation';
import { openKeys } from '../secrets/open-keys';
import { openStore } from '../store/open-store';

/**
 * Key-encryption-key rotation. Safe to interrupt and run again: a data key already wrapped by
 * the active key is left alone, and the old keys stay in the keyring to unwrap the rest.
 */
export async function kekCommand(action: 'rotate' | 'rewrap', config: PlugboardConfig, logger: Logger): Promise<void> {
  const store = await openStore(config, logger);
  const keys = await openKeys(config, store);
  try {
    if (action === 'rotate') {
      if (!keys.canCreateKeys) {
        throw new InputError(
          `Keys from ${keys.source} cannot be made here. Add a key there, make it active, restart, then run \`plugboard kek rewrap\`.`,
        );
      }
      process.stderr.write(`New active key-encryption key: ${await keys.createActiveKey()}\n`);
    }
    const bar = new SingleBar({
      format: 'Re-wrapping data keys [{bar}] {value}/{total} tenants',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    });
    let started = false;
    const result = await rewrapDataKeys(store, keys, (progress) => {
      if (!started) {
        bar.start(progress.total, 0);
        started = true;
      }
      bar.update(progress.done);
    });
    bar.stop();
    process.stderr.write(
      `Done: ${result.rewrapped} re-wrapped, ${result.done - result.rewrapped} already under ${keys.activeKeyId()}.\n`,
    );
  } finally {
    await store.close();
  }
}
