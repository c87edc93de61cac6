import { Webhook } from 'standardwebhooks';
import { type Destinations, GuardedHttp, TestFailure, withPublicRoots } from '../connector-kit';
import type { Logger } from '../logger';
import { PeriodicPass } from '../periodic-pass';
import type { Store } from '../store/store.port';
import type { StoredDelivery, StoredWebhook } from '../store/store.types';
import type { WebhookService } from './webhooks.service';

export interface WebhookDelivererOptions {
  destinations: Destinations;
  extraCaCertificates: readonly string[];
  /** Waits after each failed attempt; past the last, the delivery is FAILED. */
  retryDelaysMs: readonly number[];
  tickMs: number;
  /** How long a claimed delivery is this replica's. */
  claimMs: number;
  timeoutMs: number;
  /** Told how each attempt ended, for the delivery counter. */
  onAttempt?: (outcome: 'DELIVERED' | 'RETRY' | 'FAILED') => void;
}

/** Ten seconds, a minute, five, half an hour, two hours, eight, a day: about 35 hours in all. */
export const DEFAULT_RETRY_DELAYS_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 28_800_000, 86_400_000];

/**
 * Sends stored deliveries: signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<HMAC-SHA256 of id.timestamp.body>`, by the `standardwebhooks`
 * library), POSTed through the outbound guard. A 2xx answer delivers; anything else is retried
 * with backoff, then FAILED. A crash while sending leaves the delivery PENDING, and its claim
 * lapses: it is sent again (at least once; receivers de-duplicate by `webhook-id`).
 */
export class WebhookDeliverer {
  private readonly passes: PeriodicPass;
  private readonly ca: string[] | undefined;

  constructor(
    private readonly store: Store,
    private readonly webhooks: WebhookService,
    private readonly logger: Logger,
    private readonly options: WebhookDelivererOptions,
  ) {
    this.passes = new PeriodicPass((now) => this.deliverDue(now), options.tickMs);
    this.ca = withPublicRoots(options.extraCaCertificates);
  }

  start(): void {
    this.passes.start();
  }

  /** Sends what is due now; how many were delivered. */
  runOnce(now = Date.now()): Promise<number> {
    return this.passes.runOnce(now);
  }

  private async deliverDue(now: number): Promise<number> {
    let delivered = 0;
    try {
      const due = await this.store.deliveries.claimDue(
        new Date(now).toISOString(),
        new Date(now + this.options.claimMs).toISOString(),
        50,
      );
      // One read of each tenant's webhooks per pass, however many of its deliveries are due.
      const webhooksOf = new Map<string, Promise<StoredWebhook[]>>();
      for (const delivery of due) {
        if (!webhooksOf.has(delivery.tenantId)) {
          webhooksOf.set(delivery.tenantId, this.store.webhooks.list(delivery.tenantId));
        }
        const webhook = (await webhooksOf.get(delivery.tenantId))?.find((hook) => hook.id === delivery.webhookId);
        if (webhook && (await this.send(delivery, webhook))) delivered += 1;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'sending webhook deliveries failed; the next pass tries again');
    }
    return delivered;
  }

  private async send(delivery: StoredDelivery, webhook: StoredWebhook): Promise<boolean> {
    const attempts = delivery.attempts + 1;
    let status: number | null = null;
    let problem: string | null = null;
    try {
      const signer = new Webhook(await this.webhooks.signingSecretOf(webhook));
      const sentAt = new Date();
      const signature = signer.sign(delivery.eventId, sentAt, delivery.payload);
      const http = new GuardedHttp(this.options.destinations, { ca: this.ca });
      try {
        const answer = await http.request(webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Plugboard-Webhooks/1',
            'webhook-id': delivery.eventId,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': signature,
          },
          body: delivery.payload,
          field: 'url',
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        status = answer.status;
        if (status < 200 || status >= 300) problem = `The receiver answered ${status}.`;
      } finally {
        await http.close();
      }
    } catch (error) {
      problem = error instanceof TestFailure ? error.error.message : 'The delivery could not be sent.';
      if (!(error instanceof TestFailure))
        this.logger.warn({ err: error, deliveryId: delivery.id }, 'a webhook delivery failed');
    }
    const ok = problem === null;
    const wait = this.options.retryDelaysMs[attempts - 1];
    const giveUp = !ok && wait === undefined;
    await this.store.deliveries.record({
      ...delivery,
      attempts,
      status: ok ? 'DELIVERED' : giveUp ? 'FAILED' : 'PENDING',
      nextAttemptAt: ok || giveUp ? delivery.nextAttemptAt : new Date(Date.now() + wait).toISOString(),
      lastStatusCode: status,
      lastError: problem,
      deliveredAt: ok ? new Date().toISOString() : null,
    });
    this.options.onAttempt?.(ok ? 'DELIVERED' : giveUp ? 'FAILED' : 'RETRY');
    this.logger.info(
      { tenantId: delivery.tenantId, webhookId: webhook.id, eventType: delivery.eventType, attempts, status, ok },
      'webhook delivery',
    );
    return ok;
  }

  stop(): Promise<void> {
    return this.passes.stop();
  }
}
