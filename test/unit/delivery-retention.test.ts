import { Writable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { createLogger } from '../../src/logger';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { SCHEMA_VERSION, type StoredDelivery } from '../../src/store/store.types';
import { DeliveryRetention } from '../../src/webhooks/delivery-retention';

const DAY = 86_400_000;
const now = Date.parse('2026-12-03T12:00:00.000Z');

function delivery(status: StoredDelivery['status'], daysAgo: number): StoredDelivery {
  const at = new Date(now - daysAgo * DAY).toISOString();
  return {
    tenantId: 't1',
    id: uuidv7(),
    schemaVersion: SCHEMA_VERSION,
    webhookId: 'w1',
    eventId: uuidv7(),
    eventType: 'config.health.failing',
    payload: '{}',
    status,
    attempts: 1,
    nextAttemptAt: at,
    claimedUntil: null,
    lastStatusCode: status === 'DELIVERED' ? 204 : 500,
    lastError: null,
    createdAt: at,
    deliveredAt: status === 'DELIVERED' ? at : null,
  };
}

describe('webhook delivery retention', () => {
  it('forgets finished deliveries past retention in batches, and keeps pending and recent ones', async () => {
    const store = new SqliteStore(':memory:');
    const lines: string[] = [];
    const logger = createLogger('info', {
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const old = [
      ...Array.from({ length: 5 }, () => delivery('DELIVERED', 45)),
      ...Array.from({ length: 2 }, () => delivery('FAILED', 31)),
    ];
    const kept = [delivery('PENDING', 90), delivery('DELIVERED', 29), delivery('FAILED', 1)];
    await store.deliveries.create([...old, ...kept]);

    const retention = new DeliveryRetention(store, logger, {
      retentionMs: 30 * DAY,
      intervalMs: 3_600_000,
      batchSize: 2,
    });
    expect(await retention.runOnce(now)).toBe(7);
    const left = await store.deliveries.list('t1', null, { first: 50 });
    expect(left.items.map((d) => d.id).sort()).toEqual(kept.map((d) => d.id).sort());
    expect(lines.some((line) => line.includes('"purged":7'))).toBe(true);
    // Nothing more to do: the next pass deletes nothing and says nothing.
    expect(await retention.runOnce(now + 1)).toBe(0);
    await retention.stop();
    await store.close();
  });
});
