import type { Logger } from '../logger';
import { PeriodicPass } from '../periodic-pass';
import type { Store } from '../store/store.port';

export interface DeliveryRetentionOptions {
  /** How long a finished delivery stays visible in `webhookDeliveries`. */
  retentionMs: number;
  /** How often this replica looks for deliveries past retention. */
  intervalMs: number;
  /** Deletes per store call: a backlog is worked off in batches, never in one long write. */
  batchSize: number;
}

/**
 * Forgets finished webhook deliveries (DELIVERED or FAILED) once they are older than the
 * retention, so the deliveries table holds what people look at, not every event ever sent.
 * PENDING deliveries are never touched. Every replica runs it; a delivery two replicas both
 * find is deleted once.
 */
export class DeliveryRetention {
  private readonly passes: PeriodicPass;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly options: DeliveryRetentionOptions,
  ) {
    this.passes = new PeriodicPass((now) => this.purge(now), options.intervalMs);
  }

  start(): void {
    // Jittered, so replicas started together do not purge at the same moment.
    this.passes.start(Math.floor(Math.random() * Math.min(this.options.intervalMs, 60_000)));
  }

  /** Purges what is past retention at `now`; how many deliveries went. */
  runOnce(now = Date.now()): Promise<number> {
    return this.passes.runOnce(now);
  }

  stop(): Promise<void> {
    return this.passes.stop();
  }

  private async purge(now: number): Promise<number> {
    const before = new Date(now - this.options.retentionMs).toISOString();
    let purged = 0;
    try {
      for (;;) {
        const batch = await this.store.deliveries.purgeFinished(before, this.options.batchSize);
        purged += batch;
        if (batch < this.options.batchSize || this.passes.stopped) break;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'purging old webhook deliveries failed; the next pass tries again');
    }
    if (purged > 0) this.logger.info({ purged, before }, 'old webhook deliveries purged');
    return purged;
  }
}
