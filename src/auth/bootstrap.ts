import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';
import type { Store } from '../store/store.port';
import type { ApiKeyService } from './api-key.service';

export const DEFAULT_TENANT = 'default';

/**
 * Makes sure someone can sign in to a new installation. A key given in
 * PLUGBOARD_BOOTSTRAP_ADMIN_KEY is registered as an admin of `default`. Otherwise, when the
 * `default` tenant has no key yet and this is the embedded setup (`createFirstKey`), one is made
 * and written to a file only its owner can read; the log says where, never what. Processes
 * sharing the data directory make one key between them (a lock file decides which).
 */
export async function bootstrapAdminKey(
  options: { bootstrapKey?: string; dataDir: string; createFirstKey: boolean },
  apiKeys: ApiKeyService,
  store: Store,
  logger: Logger,
): Promise<void> {
  if (options.bootstrapKey) {
    await apiKeys.register(options.bootstrapKey, 'ADMIN', 'bootstrap admin key');
    return;
  }
  if ((await store.apiKeys.list(DEFAULT_TENANT)).length > 0) return;
  if (!options.createFirstKey) {
    // A shared database (Cosmos DB) gets no key file on one replica's disk: say how to make one.
    logger.warn(
      `No API key exists yet for tenant "${DEFAULT_TENANT}", and none is created with Cosmos DB. Create one with \`plugboard keys create --tenant ${DEFAULT_TENANT} --role admin\` (with the same COSMOS_* variables), or set PLUGBOARD_BOOTSTRAP_ADMIN_KEY.`,
    );
    return;
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // Replicas sharing a data directory may start together: one makes the key, the others wait for it.
  const lock = join(options.dataDir, 'admin-key.lock');
  if (!takeLock(lock)) {
    await lockReleased(lock);
    return;
  }
  try {
    if ((await store.apiKeys.list(DEFAULT_TENANT)).length > 0) return;
    const { key } = await apiKeys.create(DEFAULT_TENANT, 'ADMIN', 'first admin key', 'bootstrap');
    const file = join(options.dataDir, 'admin-key.txt');
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    logger.warn(
      { file },
      `Created the first admin API key of tenant "${DEFAULT_TENANT}" in ${file}. Move it to a password manager and delete the file.`,
    );
  } finally {
    rmSync(lock, { force: true });
  }
}

/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 60_000;

/** Creates the lock file, failing rather than replacing one another process holds. */
function takeLock(file: string): boolean {
  try {
    closeSync(openSync(file, 'wx', 0o600));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age < STALE_LOCK_MS) return false;
    rmSync(file, { force: true });
    return takeLock(file);
  }
}

async function lockReleased(file: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
