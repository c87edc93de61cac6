import { v7 as uuidv7 } from 'uuid';
import type { EventSink, PlugboardEvent } from '../health/health-events';
import type { Store } from '../store/store.port';
import { SCHEMA_VERSION, type StoredDelivery } from '../store/store.types';

/** The body a receiver gets: ids, codes and fields, never a value. */
export function eventBody(event: PlugboardEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    time: event.time,
    tenant: event.tenantId,
    configId: event.configId,
    field: event.field,
    code: event.code,
    ...(event.expiresAt ? { expiresAt: event.expiresAt } : {}),
  });
}

/**
 * Events become deliveries, one per subscribed webhook of the event's tenant, stored before
 * anything is sent: a crash after this loses nothing (delivery is at least once).
 */
export class WebhookOutbox implements EventSink {
  constructor(
    private readonly store: Store,
    private readonly onQueued: () => void = () => {},
  ) {}

  async publish(events: PlugboardEvent[]): Promise<void> {
    const deliveries: StoredDelivery[] = [];
    const now = new Date().toISOString();
    for (const tenantId of new Set(events.map((event) => event.tenantId))) {
      const webhooks = await this.store.webhooks.list(tenantId);
      for (const event of events.filter((candidate) => candidate.tenantId === tenantId)) {
        for (const webhook of webhooks) {
          if (webhook.events.length && !webhook.events.includes(event.type)) continue;
          deliveries.push({
            tenantId,
            id: uuidv7(),
            schemaVersion: SCHEMA_VERSION,
            webhookId: webhook.id,
            eventId: event.id,
            eventType: event.type,
            payload: eventBody(event),
            status: 'PENDING',
            attempts: 0,
            nextAttemptAt: now,
            claimedUntil: null,
            lastStatusCode: null,
            lastError: null,
            createdAt: now,
            deliveredAt: null,
          });
        }
      }
    }
    if (!deliveries.length) return;
    await this.store.deliveries.create(deliveries);
    this.onQueued();
  }
}
