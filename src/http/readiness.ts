import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../fleet/redis-connection';
import type { Logger } from '../logger';
import type { KeyEncryptionKeys } from '../secrets/key-encryption.port';
import type { Store } from '../store/store.port';
import type { StoredDataKey } from '../store/store.types';

export interface Readiness {
  ready: boolean;
  /** `redis` only when replicas share it (PLUGBOARD_REDIS_URL). */
  checks: { store: CheckState; keys: CheckState; redis?: CheckState };
}

type CheckState = 'ok' | 'failing';

/**
 * Whether this replica can serve: the store answers, the key-encryption keys can wrap and
 * unwrap, and Redis answers when replicas share it (without it, relays on other replicas are
 * out of reach). Failures are logged in full; the answer names only which check failed.
 */
export async function checkReadiness(
  store: Store,
  keys: KeyEncryptionKeys,
  logger: Logger,
  redis?: Pick<RedisConnection, 'ping'>,
): Promise<Readiness> {
  const check = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
      return 'ok' as const;
    } catch (error) {
      logger.warn({ err: error, check: name }, 'readiness check failed');
      return 'failing' as const;
    }
  };
  const [storeState, keysState, redisState] = await Promise.all([
    check('store', () => store.ping()),
    check('keys', async () => {
      const probe = randomBytes(32);
      const { kekId, wrapped } = await keys.wrap('__readiness', probe);
      if (!(await keys.unwrap('__readiness', kekId, wrapped)).equals(probe)) throw new Error('unwrap mismatch');
      // A key that wraps is not enough: a stored data key must really unwrap (the right keys).
      // A store that cannot be read is the store check's failure, not the keys'.
      let stored: StoredDataKey | undefined;
      try {
        for await (const dataKey of store.dataKeys.listAll()) {
          stored = dataKey;
          break;
        }
      } catch {
        return;
      }
      if (stored) await keys.unwrap(stored.tenantId, stored.kekId, stored.wrapped);
    }),
    redis ? check('redis', () => redis.ping()) : undefined,
  ]);
  const checks = { store: storeState, keys: keysState, ...(redisState ? { redis: redisState } : {}) };
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}
