import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditEventsDocument,
  ConfigHealthDocument,
  CreateConnectorConfigDocument,
  CreateWebhookDocument,
} from '../../codegen/generated/graphql';
import { type RedisPeer, startRedis } from '../peers/redis.peer';
import { waitFor } from '../support/agent-process';
import { execute } from '../support/graphql-client';
import { type Replica, startReplicas } from '../support/replicas';
import { bearer } from '../support/test-server';

/**
 * Two real `plugboard serve` replicas on one SQLite data directory and one Redis, each with a
 * scheduler looking every second: every saved config is checked exactly once, by one replica
 * or the other, and each finding is told to webhooks once.
 */
jest.setTimeout(90_000);

const CONFIGS = 12;
let redis: RedisPeer;
let dataDir: string;
let replicas: Replica[];
let admin: Record<string, string>;
let target: Server;
let receiver: Server;
const events: { type: string; configId: string }[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  redis = await startRedis();
  dataDir = mkdtempSync(join(tmpdir(), 'plugboard-health-replicas-'));
  // What every config checks: an API that refuses its credentials.
  target = createServer((_request, response) => response.writeHead(401).end('{"error":"unauthorized"}'));
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      events.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  const [targetUrl, receiverUrl] = [await listen(target), await listen(receiver)];
  // Saved before the replicas look: the first replica sees every config due at once.
  replicas = await startReplicas(2, {
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_REDIS_URL: redis.url,
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32',
    PLUGBOARD_HEALTH_TICK_SECONDS: '1',
    PLUGBOARD_HEALTH_INTERVAL_SECONDS: '86400',
    PLUGBOARD_RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'info',
  });
  admin = bearer(readFileSync(join(dataDir, 'admin-key.txt'), 'utf8').trim());
  const hook = await execute(
    replicas[0].url,
    CreateWebhookDocument,
    { input: { url: `${receiverUrl}/hooks`, events: ['config.health.failing'] } },
    admin,
  );
  expect(hook.data?.createWebhook.errors).toEqual([]);
  for (let index = 0; index < CONFIGS; index += 1) {
    const created = await execute(
      replicas[index % 2].url,
      CreateConnectorConfigDocument,
      {
        input: {
          name: `checked by either ${index}`,
          connectorType: 'rest-api',
          // One path each: the per-credential test limit keys on the address.
          values: { baseUrl: `${targetUrl}/api/${index}`, authMethod: 'BEARER', bearerToken: `token-${index}` },
        },
      },
      admin,
    );
    expect(created.data?.createConnectorConfig.errors).toEqual([]);
  }
});

afterAll(async () => {
  await Promise.all((replicas ?? []).map((replica) => replica.kill('SIGKILL')));
  await redis?.stop();
  for (const server of [target, receiver]) {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function checksCounted(replica: Replica): Promise<number> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  return [...text.matchAll(/^plugboard_health_checks_total\{status="[A-Z]+"\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

it('checks each config exactly once between the two, and tells each finding once', async () => {
  const told = await waitFor(
    async () => new Set(events.map((event) => event.configId)).size,
    (count) => count === CONFIGS,
    30_000,
  );
  expect(told).toBe(CONFIGS);
  // Two more looks by each replica: nothing is due again for a day.
  await new Promise((resolve) => setTimeout(resolve, 2500));

  const counted = await Promise.all(replicas.map(checksCounted));
  expect(counted[0] + counted[1]).toBe(CONFIGS);
  const audit = await execute(replicas[1].url, AuditEventsDocument, { first: 200 }, admin);
  const checks = (audit.data?.auditEvents.edges ?? [])
    .map((edge) => edge.node)
    .filter((event) => event.action === 'config.health-check');
  expect(checks).toHaveLength(CONFIGS);
  expect(new Set(checks.map((event) => event.targetId)).size).toBe(CONFIGS);
  expect(events).toHaveLength(CONFIGS);
  expect(events.every((event) => event.type === 'config.health.failing')).toBe(true);

  const [one] = events;
  const health = await execute(replicas[0].url, ConfigHealthDocument, { id: one.configId }, admin);
  expect(health.data?.connectorConfig?.health).toMatchObject({
    status: 'FAILING',
    issues: [expect.objectContaining({ code: 'INVALID_CREDENTIALS', field: 'bearerToken', resolvedAt: null })],
  });
  expect(JSON.stringify(events)).not.toContain('token-');
});
