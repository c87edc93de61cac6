import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { TestFailure } from '../connector-kit/connection-test.failure';
import type { SharedTestSlots } from '../fleet/shared-test-slots.port';
import type { Logger } from '../logger';

export interface TestLimits {
  /** Tests one tenant may run at once. */
  perTenant: number;
  /** Tests one credential (connector, host and account) may run at once. */
  perCredential: number;
  /**
   * Tests this process runs at once, whoever asks: many tenants together cannot exhaust its
   * memory or stall its event loop (and so its health checks). Unlimited when absent.
   */
  perReplica?: number;
}

const replicaRefusal = () =>
  new TestFailure(Code.TEST_RATE_LIMITED, {
    retryAfterSeconds: 2,
    message: 'Plugboard is running as many tests as it takes at once. Try again in a moment.',
  });

export const DEFAULT_TEST_LIMITS: TestLimits = { perTenant: 10, perCredential: 2, perReplica: 100 };

const limitRefusal = (key: string, limit: number) =>
  new TestFailure(Code.TEST_RATE_LIMITED, {
    retryAfterSeconds: 5,
    message: key.startsWith('tenant:')
      ? `${limit} tests are already running for your tenant.`
      : `${limit} tests are already running with this account on this host.`,
  });

/**
 * Concurrency limits for connection tests, so a burst of Test clicks cannot make a provider
 * throttle or lock out a service account that other integrations share. Past a limit the test
 * is refused at once (TEST_RATE_LIMITED) rather than queued: the person who clicked gets an
 * answer now. The replica cap is always this process's; the tenant and credential limits count
 * across replicas when `shared` slots are given (Redis), and fall back to this process's
 * counts while the shared engine is unreachable.
 */
export class TestLimiter {
  private readonly running = new Map<string, number>();
  private sharedDown = false;

  constructor(
    private readonly limits: TestLimits = DEFAULT_TEST_LIMITS,
    private readonly shared?: SharedTestSlots,
    private readonly logger?: Logger,
  ) {}

  /** Tests running now on this replica. */
  get inFlight(): number {
    return this.running.get('replica') ?? 0;
  }

  /** The refusal a test gets now because the replica is at its cap, if it is. */
  replicaFull(): TestFailure | undefined {
    const limit = this.limits.perReplica;
    if (limit === undefined || this.inFlight < limit) return undefined;
    return replicaRefusal();
  }

  /** Takes a slot for the replica, the tenant and the credential, or throws; call the result to give them back. */
  async acquire(tenantId: string, credential: string): Promise<() => void> {
    const releaseReplica = this.takeLocal([['replica', this.limits.perReplica ?? Number.POSITIVE_INFINITY]]);
    const limits: [string, number][] = [
      [`tenant:${tenantId}`, this.limits.perTenant],
      [`credential:${tenantId}:${credential}`, this.limits.perCredential],
    ];
    try {
      const releaseLimits = (await this.takeShared(limits)) ?? this.takeLocal(limits);
      return once(() => {
        releaseLimits();
        releaseReplica();
      });
    } catch (error) {
      releaseReplica();
      throw error;
    }
  }

  /** The shared slots, or undefined when there are none or they cannot be reached now. */
  private async takeShared(limits: [string, number][]): Promise<(() => void) | undefined> {
    if (!this.shared) return undefined;
    const taken: (() => void)[] = [];
    const releaseAll = () => {
      for (const release of taken) release();
    };
    try {
      for (const [key, limit] of limits) {
        const release = await this.shared.take(key, limit);
        if (!release) {
          releaseAll();
          throw limitRefusal(key, limit);
        }
        taken.push(release);
      }
    } catch (error) {
      if (error instanceof TestFailure) throw error;
      releaseAll();
      if (!this.sharedDown)
        this.logger?.warn({ err: error }, 'shared test limits unreachable; counting on this replica');
      this.sharedDown = true;
      return undefined;
    }
    this.sharedDown = false;
    return releaseAll;
  }

  private takeLocal(keys: [string, number][]): () => void {
    for (const [key, limit] of keys) {
      if ((this.running.get(key) ?? 0) >= limit) {
        if (key === 'replica') throw replicaRefusal();
        throw limitRefusal(key, limit);
      }
    }
    for (const [key] of keys) this.running.set(key, (this.running.get(key) ?? 0) + 1);
    return once(() => {
      for (const [key] of keys) {
        const count = (this.running.get(key) ?? 1) - 1;
        if (count > 0) this.running.set(key, count);
        else this.running.delete(key);
      }
    });
  }
}

function once(release: () => void): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
  };
}
