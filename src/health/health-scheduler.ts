import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';
import { PeriodicPass } from '../periodic-pass';
import type { Store } from '../store/store.port';
import type { HealthChecks } from './health-checks.service';

export interface HealthSchedulerOptions {
  /** How often this replica looks for due configs. */
  tickMs: number;
  /** How long a claimed config is this replica's before another may take it (a crash, a refusal). */
  claimMs: number;
  /** Configs claimed per look. */
  batchSize: number;
  /** Checks this replica runs at once; the connection-test limits apply within them. */
  concurrency: number;
  replicaId: string;
}

/** The caller a scheduled check acts as: the tenant's runtime, named in the audit trail. */
const checkerOf = (tenantId: string): Principal => ({ tenantId, role: 'RUNTIME', actor: 'plugboard:health-check' });

/**
 * Re-checks saved configs when they are due. Each replica claims due configs in the store
 * (a claim is atomic, so with several replicas exactly one checks a config per interval) and
 * checks them a few at a time. A check refused by the test limits is simply not recorded: its
 * claim lapses and it comes back on a later look.
 */
export class HealthScheduler {
  private readonly passes: PeriodicPass;

  constructor(
    private readonly store: Store,
    private readonly checks: HealthChecks,
    private readonly logger: Logger,
    private readonly options: HealthSchedulerOptions,
  ) {
    this.passes = new PeriodicPass((now) => this.checkDue(now), options.tickMs);
  }

  start(): void {
    this.passes.start();
  }

  /** One look: claims what is due and checks it; how many it checked. */
  runOnce(now = Date.now()): Promise<number> {
    return this.passes.runOnce(now);
  }

  /** Claims and checks batch after batch while full batches are due, so a backlog drains at the checks' own pace. */
  private async checkDue(startedAt: number): Promise<number> {
    let checked = 0;
    try {
      for (let now = startedAt; ; now = Date.now()) {
        const due = await this.store.configs.claimHealthChecks(
          new Date(now).toISOString(),
          new Date(now + this.options.claimMs).toISOString(),
          this.options.batchSize,
        );
        const queue = [...due];
        const worker = async () => {
          for (let config = queue.shift(); config; config = queue.shift()) {
            try {
              const result = await this.checks.check(checkerOf(config.tenantId), config);
              if (result.checked) checked += 1;
            } catch (error) {
              this.logger.warn({ err: error, tenantId: config.tenantId, configId: config.id }, 'a health check failed');
            }
          }
        };
        await Promise.all(Array.from({ length: this.options.concurrency }, worker));
        if (due.length < this.options.batchSize || this.passes.stopped) break;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'looking for due health checks failed; the next look tries again');
    }
    return checked;
  }

  stop(): Promise<void> {
    return this.passes.stop();
  }
}
