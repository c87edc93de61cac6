import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiKeysDocument,
  ConnectorRuntimeConfigDocument,
  CreateApiKeyDocument,
  CreateConnectorConfigDocument,
  DrainRelayAgentDocument,
  RegisterRelayDocument,
  RelayDocument,
  RevokeApiKeyDocument,
  RevokeRelayDocument,
  TestConnectionDocument,
} from '../../codegen/generated/graphql';
import { type RedisPeer, startRedis } from '../peers/redis.peer';
import { startTcpProxy } from '../peers/tcp-proxy.peer';
import { type AgentProcess, startAgent, waitFor } from '../support/agent-process';
import { execute } from '../support/graphql-client';
import { type Replica, startReplica, startReplicas } from '../support/replicas';
import { bearer } from '../support/test-server';

/**
 * Several real `plugboard serve` processes on one Redis (Debian's redis-server) and one shared
 * SQLite data directory, with real relay agent processes: what a load balancer in front of
 * replicas looks like, on one machine.
 */
jest.setTimeout(90_000);

const CANARY = 'fleet-canary-Secret-41';
let redis: RedisPeer;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let replicas: Replica[];
let admin: Record<string, string>;
let target: Server;
let targetUrl: string;
let answer: (response: ServerResponse) => void = (response) => response.end('{}');
const agents: AgentProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dataDir = mkdtempSync(join(tmpdir(), 'plugboard-fleet-'));
  env = {
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_REDIS_URL: redis.url,
    PLUGBOARD_RELAY_HEARTBEAT_MS: '200',
    PLUGBOARD_RELAY_JOB_TIMEOUT_MS: '4000',
    PLUGBOARD_RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'info',
  };
  // Started together on an empty data directory: the first-start key and key file race here.
  replicas = await startReplicas(3, env);
  admin = bearer(readFileSync(join(dataDir, 'admin-key.txt'), 'utf8').trim());
  target = createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.kill('SIGKILL')));
  await Promise.all(replicas.map((replica) => replica.kill('SIGKILL')));
  await redis.stop();
  target.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

const [A, B, C] = [0, 1, 2];
const url = (index: number) => replicas[index].url;

function agent(server: string, token: string, name: string) {
  const started = startAgent(server, token, ['--name', name]);
  agents.push(started);
  return started;
}

async function register(name: string) {
  const { data } = await execute(url(A), RegisterRelayDocument, { input: { name } }, admin);
  const registered = data?.registerRelay;
  if (!registered?.relay || !registered.token) throw new Error('no relay');
  return { id: registered.relay.id, token: registered.token };
}

const relayOn = async (index: number, id: string) =>
  (await execute(url(index), RelayDocument, { id }, admin)).data?.relay;

const agentNames = async (index: number, id: string) =>
  (await relayOn(index, id))?.agents.map((one) => `${one.name}:${one.status}`).sort() ?? [];

const testThrough = (index: number, relayId: string, headers = admin) =>
  execute(
    url(index),
    TestConnectionDocument,
    {
      input: {
        connectorType: 'rest-api',
        // The form's relay field (Relay Options).
        values: { baseUrl: targetUrl, authMethod: 'BEARER', bearerToken: CANARY, relayId },
      },
    },
    headers,
  );

describe('replicas started together on one data directory', () => {
  it('make one admin key and one key file between them, so a secret saved on one opens on another', async () => {
    expect(readdirSync(dataDir).filter((file) => file.startsWith('admin-key'))).toEqual(['admin-key.txt']);
    for (const index of [A, B, C]) {
      const { data } = await execute(url(index), ApiKeysDocument, {}, admin);
      expect(data?.apiKeys).toHaveLength(1);
    }
    const runtimeKey = (
      await execute(url(A), CreateApiKeyDocument, { input: { name: 'runtime', role: 'RUNTIME' } }, admin)
    ).data?.createApiKey.key;
    const saved = await execute(
      url(A),
      CreateConnectorConfigDocument,
      {
        input: {
          connectorType: 'rest-api',
          name: 'shared',
          values: { baseUrl: 'https://api.example.com', authMethod: 'BEARER', bearerToken: CANARY },
        },
      },
      admin,
    );
    const id = saved.data?.createConnectorConfig.config?.id as string;
    const read = await execute(url(C), ConnectorRuntimeConfigDocument, { id }, bearer(runtimeKey as string));
    expect(read.data?.connectorRuntimeConfig?.values).toMatchObject({ bearerToken: CANARY });
  });
});

describe('relays across replicas', () => {
  it('runs a test through replica B on an agent connected to replica A, and every replica shows it the same', async () => {
    const relay = await register('site-one');
    agent(url(A), relay.token, 'dc1');
    await waitFor(
      () => relayOn(B, relay.id),
      (shown) => shown?.status === 'ONLINE',
    );
    for (const index of [A, B, C]) {
      expect(await relayOn(index, relay.id)).toMatchObject({
        status: 'ONLINE',
        agentVersion: expect.any(String),
        hostname: expect.any(String),
        agents: [{ name: 'dc1', status: 'ONLINE', testsRunning: 0 }],
      });
    }
    answer = (response) => response.end('{}');
    const passed = await testThrough(B, relay.id);
    expect(passed.data?.testConnection).toMatchObject({ ok: true, testedVia: 'RELAY' });
    answer = (response) => response.writeHead(401).end(`refused ${CANARY}`);
    const refused = await testThrough(C, relay.id);
    expect(refused.data?.testConnection.errors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'bearerToken' });
    expect(JSON.stringify(refused)).not.toContain(CANARY);
    answer = (response) => response.end('{}');
    expect(await relayOn(A, relay.id)).toMatchObject({
      testsRun: 2,
      testsFailed: 1,
      agents: [{ name: 'dc1', testsRun: 2, testsFailed: 1 }],
    });
    // The relayed values crossed Redis sealed: no replica's log, no agent's, holds the secret.
    for (const replica of replicas) expect(replica.output()).not.toContain(CANARY);
  });

  it('spreads tests over a group of agents on different replicas, and fails over when one goes', async () => {
    const relay = await register('site-group');
    const first = agent(url(A), relay.token, 'host-1');
    agent(url(B), relay.token, 'host-2');
    await waitFor(
      () => agentNames(C, relay.id),
      (names) => names.length === 2,
    );
    answer = (response) => setTimeout(() => response.end('{}'), 300);
    // A burst from one replica that holds neither agent: the least busy takes each test.
    const results = await Promise.all([C, C, C, C].map((index) => testThrough(index, relay.id)));
    expect(results.map((result) => result.data?.testConnection.ok)).toEqual([true, true, true, true]);
    const shown = await waitFor(
      () => relayOn(C, relay.id),
      (value) => value?.agents.reduce((sum, one) => sum + one.testsRun, 0) === 4,
    );
    expect(shown?.agents.map((one) => one.testsRun)).toEqual([2, 2]);
    await first.kill('SIGKILL');
    await waitFor(
      () => agentNames(B, relay.id),
      (names) => names.join() === 'host-2:ONLINE',
    );
    answer = (response) => response.end('{}');
    expect((await testThrough(A, relay.id)).data?.testConnection.ok).toBe(true);
  });

  it('replaces an agent that reconnects under its name, wherever the old connection was', async () => {
    const relay = await register('site-restart');
    const old = agent(url(A), relay.token, 'same');
    await waitFor(
      () => agentNames(B, relay.id),
      (names) => names.join() === 'same:ONLINE',
    );
    const renewed = agent(url(B), relay.token, 'same');
    await waitFor(
      () => Promise.resolve(renewed.output()),
      (out) => out.includes('waiting for tests'),
    );
    await waitFor(
      () => relayOn(C, relay.id),
      (shown) => shown?.agents.length === 1,
    );
    expect(old.output()).toContain('reconnecting');
    await old.kill('SIGKILL');
  });

  it('drains one agent (mutation, then the CLI): it finishes its running test, takes no new ones, then stops', async () => {
    const relay = await register('site-drain');
    const busy = agent(url(A), relay.token, 'busy');
    const spare = agent(url(B), relay.token, 'spare');
    await waitFor(
      () => agentNames(C, relay.id),
      (names) => names.length === 2,
    );
    // A slow test lands on one of the two; drain whichever got it while it runs.
    answer = (response) => setTimeout(() => response.end('{}'), 1500);
    const running = testThrough(C, relay.id);
    const withTest = await waitFor(
      () => relayOn(C, relay.id),
      (shown) => Boolean(shown?.agents.some((one) => one.testsRunning === 1)),
    );
    const draining = withTest?.agents.find((one) => one.testsRunning === 1)?.name as string;
    const other = draining === 'busy' ? spare : busy;
    const drained = draining === 'busy' ? busy : spare;
    const asked = await execute(
      url(B),
      DrainRelayAgentDocument,
      { input: { relayId: relay.id, agent: draining } },
      admin,
    );
    expect(asked.data?.drainRelayAgent.errors).toEqual([]);
    await waitFor(
      () => agentNames(A, relay.id),
      (names) => names.includes(`${draining}:DRAINING`),
    );
    expect((await relayOn(A, relay.id))?.status).toBe('DEGRADED');
    answer = (response) => response.end('{}');
    expect((await testThrough(A, relay.id)).data?.testConnection.ok).toBe(true);
    expect((await running).data?.testConnection.ok).toBe(true);
    expect(await drained.exited).toBe(0);
    expect(drained.output()).toContain('drained');

    const remaining = draining === 'busy' ? 'spare' : 'busy';
    const cli = startAgent(url(C), relay.token, ['--drain', '--name', remaining]);
    expect(await cli.exited).toBe(0);
    expect(await other.exited).toBe(0);
    const unknown = startAgent(url(C), relay.token, ['--drain', '--name', 'nobody']);
    expect(await unknown.exited).toBe(1);
    expect(unknown.output()).toContain('No agent named "nobody"');
    const missing = await execute(url(A), DrainRelayAgentDocument, { input: { relayId: relay.id, agent: 'x' } }, admin);
    expect(missing.data?.drainRelayAgent.errors[0]).toMatchObject({ field: 'agent', code: 'NOT_FOUND' });
    const offline = await testThrough(B, relay.id);
    expect(offline.data?.testConnection.errors[0]).toMatchObject({ code: 'RELAY_OFFLINE' });
  });

  it('disconnects a revoked relay’s agent on whichever replica holds it', async () => {
    const relay = await register('site-revoked');
    const held = agent(url(A), relay.token, 'dc1');
    await waitFor(
      () => agentNames(C, relay.id),
      (names) => names.length === 1,
    );
    await execute(url(C), RevokeRelayDocument, { id: relay.id }, admin);
    expect(await held.exited).toBe(2);
  });
});

describe('shared limits and revocations', () => {
  it('stops a revoked API key on every replica within a second', async () => {
    const created = await execute(url(A), CreateApiKeyDocument, { input: { name: 'short', role: 'VIEWER' } }, admin);
    const key = bearer(created.data?.createApiKey.key as string);
    // Every replica has verified (and so remembered) the key.
    for (const index of [A, B, C]) expect((await execute(url(index), ApiKeysDocument, {}, key)).status).toBe(200);
    await execute(url(A), RevokeApiKeyDocument, { id: created.data?.createApiKey.apiKey?.id as string }, admin);
    const revokedAt = Date.now();
    for (const index of [B, C]) {
      await waitFor(
        async () => (await execute(url(index), ApiKeysDocument, {}, key)).status,
        (status) => status === 401,
        1_000,
      );
    }
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it('counts one rate limit, and one limit of tests per credential, across the replicas', async () => {
    const limited = {
      ...env,
      PLUGBOARD_RATE_LIMIT_PER_MINUTE: '12',
      PLUGBOARD_TEST_LIMIT_PER_CREDENTIAL: '1',
      // Direct tests to the local target, for the credential limit.
      PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.0/8',
    };
    const pair = await startReplicas(2, limited);
    // A key of its own: the count is per caller, and the admin key has spent some already.
    const created = await execute(url(A), CreateApiKeyDocument, { input: { name: 'counted', role: 'EDITOR' } }, admin);
    const caller = bearer(created.data?.createApiKey.key as string);
    try {
      // One slow test per replica, with one account on one host: the second is refused.
      answer = (response) => setTimeout(() => response.end('{}'), 1000);
      const direct = (replica: Replica) =>
        execute(
          replica.url,
          TestConnectionDocument,
          {
            input: {
              connectorType: 'rest-api',
              values: { baseUrl: targetUrl, authMethod: 'BASIC', username: 'svc', password: CANARY },
            },
          },
          caller,
        );
      const both = await Promise.all(pair.map(direct));
      const codes = both.map((result) => result.data?.testConnection.errors[0]?.code ?? 'OK').sort();
      expect(codes).toEqual(['OK', 'TEST_RATE_LIMITED']);
      answer = (response) => response.end('{}');

      const statuses: number[] = [];
      for (let request = 0; request < 9; request += 1) {
        for (const replica of pair) statuses.push((await execute(replica.url, ApiKeysDocument, {}, caller)).status);
      }
      // 2 tests + 18 requests, 10 per replica: under the limit on each alone, over it together.
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(8);
    } finally {
      await Promise.all(pair.map((replica) => replica.kill()));
    }
  });
});

describe('when Redis or a replica goes away', () => {
  it('says so in /readyz, answers relay tests with a code, keeps saving configs, and recovers by itself', async () => {
    const relay = await register('site-outage');
    agent(url(A), relay.token, 'dc1');
    await waitFor(
      () => agentNames(B, relay.id),
      (names) => names.join() === 'dc1:ONLINE',
    );
    await redis.kill();
    const ready = await fetch(`${url(B)}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not ready',
      checks: { store: 'ok', keys: 'ok', redis: 'failing' },
    });
    const startedAt = Date.now();
    const unreachable = await testThrough(B, relay.id);
    expect(unreachable.data?.testConnection.errors[0]).toMatchObject({
      code: 'RELAY_SERVICE_UNAVAILABLE',
      category: 'RELAY',
      retryable: true,
      hint: expect.any(String),
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    const saved = await execute(
      url(C),
      CreateConnectorConfigDocument,
      { input: { connectorType: 'rest-api', name: 'during outage', values: { baseUrl: 'https://x.example.com' } } },
      admin,
    );
    expect(saved.data?.createConnectorConfig.errors).toEqual([]);
    const drain = await execute(url(B), DrainRelayAgentDocument, { input: { relayId: relay.id, agent: 'dc1' } }, admin);
    expect(drain.data?.drainRelayAgent.errors[0]).toMatchObject({ field: 'agent', code: 'RELAY_SERVICE_UNAVAILABLE' });
    // A replica that starts while Redis is down starts anyway, and says it is not ready.
    const late = await startReplica(env);
    try {
      expect((await fetch(`${late.url}/readyz`)).status).toBe(503);
      await redis.restart();
      await waitFor(
        async () => (await fetch(`${late.url}/readyz`)).status,
        (status) => status === 200,
        15_000,
      );
    } finally {
      await late.kill();
    }
    await waitFor(
      async () => (await fetch(`${url(B)}/readyz`)).status,
      (status) => status === 200,
      15_000,
    );
    // The agent never left A; A's next heartbeat announces it into the new, empty Redis.
    await waitFor(
      async () => (await testThrough(B, relay.id)).data?.testConnection.ok,
      (ok) => ok === true,
      10_000,
    );
  });

  it('a replica killed while it holds an agent: tests in flight answer RELAY_DISCONNECTED, the agent moves, tests resume', async () => {
    const doomed = await startReplica(env);
    const balancer = await startTcpProxy(doomed.url);
    try {
      const relay = await register('site-failover');
      const moving = agent(balancer.url, relay.token, 'dc1');
      await waitFor(
        () => agentNames(B, relay.id),
        (names) => names.join() === 'dc1:ONLINE',
      );
      answer = () => {}; // in flight when the replica dies
      const inFlight = testThrough(B, relay.id);
      await waitFor(
        () => relayOn(C, relay.id),
        (shown) => shown?.agents[0]?.testsRunning === 1,
      );
      balancer.retarget(url(A));
      await doomed.kill('SIGKILL');
      expect((await inFlight).data?.testConnection.errors[0]).toMatchObject({ code: 'RELAY_DISCONNECTED' });
      await waitFor(
        () => Promise.resolve(moving.output()),
        (out) => out.includes('reconnecting'),
      );
      answer = (response) => response.end('{}');
      await waitFor(
        () => agentNames(C, relay.id),
        (names) => names.join() === 'dc1:ONLINE',
      );
      expect((await testThrough(C, relay.id)).data?.testConnection.ok).toBe(true);
    } finally {
      await doomed.kill('SIGKILL');
      await balancer.stop();
    }
  });
});
