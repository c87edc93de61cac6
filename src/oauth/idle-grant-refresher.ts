import type { Logger } from '../logger';
import { PeriodicPass } from '../periodic-pass';
import type { Store } from '../store/store.port';
import type { OAuthGrants } from './oauth-grants.service';

const DAY_MS = 86_400_000;

export interface IdleGrantRefresherOptions {
  idleDays: number;
  intervalMs: number;
  /** Grants refreshed per pass, oldest first; the rest wait for the next pass. */
  batchSize?: number;
}

/**
 * Providers revoke refresh tokens left unused (Okta after 7 days by default, Microsoft after 90):
 * a grant whose refresh token has not been used for `idleDays` is refreshed before that
 * happens. Every replica runs one; the grant lock and the re-read under it make a second replica
 * find the grant fresh and leave it.
 */
export class IdleGrantRefresher {
  private readonly passes: PeriodicPass;

  constructor(
    private readonly store: Store,
    private readonly grants: OAuthGrants,
    private readonly logger: Logger,
    private readonly options: IdleGrantRefresherOptions,
  ) {
    this.passes = new PeriodicPass((now) => this.refreshIdle(now), options.intervalMs);
  }

  start(): void {
    // Jittered, so replicas started together do not look at the same moment.
    this.passes.start(Math.floor(Math.random() * Math.min(this.options.intervalMs, 60_000)));
  }

  /** One pass: refreshes the idle grants it finds; how many it refreshed. */
  runOnce(now = Date.now()): Promise<number> {
    return this.passes.runOnce(now);
  }

  private async refreshIdle(now: number): Promise<number> {
    const before = new Date(now - this.options.idleDays * DAY_MS).toISOString();
    let refreshed = 0;
    try {
      const idle = await this.store.oauthGrants.listIdle(before, this.options.batchSize ?? 100);
      for (const grant of idle) {
        const [config] = await this.store.configs.getMany(grant.tenantId, [grant.id]);
        if (config && (await this.grants.refreshIdle(config, before))) refreshed += 1;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'refreshing idle OAuth grants failed; the next pass tries again');
    }
    if (refreshed) this.logger.info({ refreshed }, 'idle OAuth grants refreshed');
    return refreshed;
  }

  stop(): Promise<void> {
    return this.passes.stop();
  }
}
