import { createHash } from 'node:crypto';
import { Mutex } from 'redis-semaphore';
import type { Logger } from '../logger';
import type { GrantLocks } from './grant-locks.port';
import type { RedisConnection } from './redis-connection';

/**
 * Grant locks as Redis mutexes (redis-semaphore), refreshed while held: a replica that dies
 * holding one frees it after `lockTtlMs`. Keys are hashed, as they name a tenant and a config.
 */
export class RedisGrantLocks implements GrantLocks {
  constructor(
    private readonly redis: RedisConnection,
    private readonly lockTtlMs: number,
    private readonly logger: Logger,
  ) {}

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const hashed = createHash('sha256').update(key).digest('base64url');
    const mutex = new Mutex(this.redis.commands, `plugboard:grant-lock:${hashed}`, {
      lockTimeout: this.lockTtlMs,
      acquireTimeout: this.lockTtlMs,
      retryInterval: 20,
      refreshInterval: Math.floor(this.lockTtlMs / 3),
      onLockLost: () => this.logger.warn('a grant lock expired while its refresh ran (Redis was unreachable)'),
    });
    await mutex.acquire();
    try {
      return await work();
    } finally {
      await mutex.release().catch(() => {
        // Unreachable Redis: the lock expires by itself after lockTtlMs.
      });
    }
  }
}
