import { v7 as uuidv7 } from 'uuid';
import { HealthScheduler } from '../../src/health/health-scheduler';
import { createLogger } from '../../src/logger';
import { aConfig } from '../support/store-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Replicas share the store: two schedulers looking at once check each due config exactly once.
 * The server's own scheduler is idle here (an hour's tick), so the two are all there is.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ PLUGBOARD_HEALTH_TICK_SECONDS: '3600' });
});

afterAll(async () => {
  await server?.stop();
});

it('lets two schedulers on one store check each due config exactly once', async () => {
  const tenantId = `t-${uuidv7().slice(-8)}`;
  const ids: string[] = [];
  for (let index = 0; index < 8; index += 1) {
    // Refused by the outbound guard: each check fails fast and is recorded all the same. One
    // address each, or the per-credential test limit would hold some back for a later look.
    const config = aConfig(tenantId, {
      connectorKey: 'rest-api',
      values: { baseUrl: `https://10.255.255.${index + 1}/api`, authMethod: 'NONE' },
    });
    await server.services.store.configs.create(config);
    ids.push(config.id);
  }
  const logger = createLogger('silent');
  const options = { tickMs: 3_600_000, claimMs: 120_000, batchSize: 50, concurrency: 3 };
  const a = new HealthScheduler(server.services.store, server.services.healthChecks, logger, {
    ...options,
    replicaId: 'a',
  });
  const b = new HealthScheduler(server.services.store, server.services.healthChecks, logger, {
    ...options,
    replicaId: 'b',
  });
  const [checkedByA, checkedByB] = await Promise.all([a.runOnce(), b.runOnce()]);
  expect(checkedByA + checkedByB).toBeGreaterThanOrEqual(ids.length);
  const audit = await server.services.store.audit.list(tenantId, { first: 100 });
  for (const id of ids) {
    expect(audit.items.filter((event) => event.action === 'config.health-check' && event.targetId === id)).toHaveLength(
      1,
    );
  }
  const configs = await server.services.store.configs.getMany(tenantId, ids);
  expect(configs.every((config) => config.health?.status === 'FAILING')).toBe(true);
});
