import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { TestFailure } from '../connector-kit/connection-test.failure';

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

/**
 * Concurrency limits for connection tests, so a burst of Test clicks cannot make a provider
 * throttle or lock out a service account that other integrations share. Past a limit the test
 * is refused at once (TEST_RATE_LIMITED) rather than queued: the person who clicked gets an
 * answer now. Counters are per replica; a cluster-wide limit would need the relay broker.
 */
export class TestLimiter {
  private readonly running = new Map<string, number>();

  constructor(private readonly limits: TestLimits = DEFAULT_TEST_LIMITS) {}

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
  acquire(tenantId: string, credential: string): () => void {
    const keys: [string, number][] = [
      ['replica', this.limits.perReplica ?? Number.POSITIVE_INFINITY],
      [`tenant:${tenantId}`, this.limits.perTenant],
      [`credential:${tenantId}:${credential}`, this.limits.perCredential],
    ];
    for (const [key, limit] of keys) {
      if ((this.running.get(key) ?? 0) >= limit) {
        if (key === 'replica') throw replicaRefusal();
        throw new TestFailure(Code.TEST_RATE_LIMITED, {
          retryAfterSeconds: 5,
          message: key.startsWith('tenant:')
            ? `${limit} tests are already running for your tenant.`
            : `${limit} tests are already running with this account on this host.`,
        });
      }
    }
    for (const [key] of keys) this.running.set(key, (this.running.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [key] of keys) {
        const count = (this.running.get(key) ?? 1) - 1;
        if (count > 0) this.running.set(key, count);
        else this.running.delete(key);
      }
    };
  }
}
