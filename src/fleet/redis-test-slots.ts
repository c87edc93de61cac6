import { createHash } from 'node:crypto';
import { Semaphore } from 'redis-semaphore';
import type { Logger } from '../logger';
import type { RedisConnection } from './redis-connection';
import type { SharedTestSlots } from './shared-test-slots.port';

/**
 * Test slots as Redis semaphores (redis-semaphore: a sorted set per limit, taken and released by
 * Lua scripts, each slot refreshed while held). A replica that dies holding slots loses them
 * when they expire after `slotTtlMs`; a live one keeps its slots for as long as the test runs.
 * Keys are hashed: a credential key names a host and an account.
 */
export class RedisTestSlots implements SharedTestSlots {
  constructor(
    private readonly redis: RedisConnection,
    private readonly slotTtlMs: number,
    private readonly logger: Logger,
  ) {}

  async take(key: string, limit: number): Promise<(() => void) | undefined> {
    const hashed = createHash('sha256').update(key).digest('base64url');
    const semaphore = new Semaphore(this.redis.commands, `plugboard:test-slots:${hashed}`, limit, {
      acquireAttemptsLimit: 1,
      lockTimeout: this.slotTtlMs,
      refreshInterval: Math.floor(this.slotTtlMs / 3),
      onLockLost: () => this.logger.warn('a shared test slot expired while its test ran (Redis was unreachable)'),
    });
    if (!(await semaphore.tryAcquire())) return undefined;
    return () => {
      semaphore.release().catch(() => {
        // Unreachable Redis: the slot expires by itself after slotTtlMs.
      });
    };
  }
}
