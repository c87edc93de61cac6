import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import {
  CheckConfigHealthDocument,
  CreateConnectorConfigDocument,
  RegisterRelayDocument,
  RelayDocument,
  RelaysDocument,
  RevokeRelayDocument,
  RotateRelayTokenDocument,
  TestConnectionDocument,
} from '../../codegen/generated/graphql';
import { startTcpProxy } from '../peers/tcp-proxy.peer';
import { type AgentProcess, startAgent, waitFor } from '../support/agent-process';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const CANARY = 'relay-canary-Token-77';
let server: TestServer;
let admin: Record<string, string>;
let target: Server;
let targetUrl: string;
let answer: (response: ServerResponse) => void = (response) => response.end('{}');
const agents: AgentProcess[] = [];

beforeAll(async () => {
  server = await startTestServer({ PLUGBOARD_RELAY_HEARTBEAT_MS: '200', PLUGBOARD_RELAY_JOB_TIMEOUT_MS: '4000' });
  admin = bearer(server.adminKey);
  // A program inside the "private network": plain HTTP on loopback, which Plugboard may not reach directly.
  target = createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.kill('SIGKILL')));
  await server.stop();
  target.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
});

async function register(headers = admin, name = 'site-a') {
  const { data } = await execute(server.url, RegisterRelayDocument, { input: { name } }, headers);
  const registered = data?.registerRelay;
  if (!registered?.relay || !registered.token) throw new Error('no relay');
  return { id: registered.relay.id, token: registered.token };
}

function agent(token: string, args: string[] = []) {
  const started = startAgent(server.url, token, args);
  agents.push(started);
  return started;
}

const status = async (id: string, headers = admin) =>
  (await execute(server.url, RelayDocument, { id }, headers)).data?.relay?.status;
const online = (id: string) =>
  waitFor(
    () => status(id),
    (value) => value === 'ONLINE',
  );
const offline = (id: string) =>
  waitFor(
    () => status(id),
    (value) => value === 'OFFLINE',
  );

const test = (values: Record<string, unknown>, headers = admin) =>
  execute(
    server.url,
    TestConnectionDocument,
    {
      input: {
        connectorType: 'rest-api',
        values: { baseUrl: targetUrl, authMethod: 'BEARER', bearerToken: CANARY, ...values },
      },
    },
    headers,
  );

/** Saves a REST API config (the target, a canary bearer token) that goes through this relay; its id. */
async function saveBehind(relayId: string, name: string): Promise<string> {
  const created = await execute(
    server.url,
    CreateConnectorConfigDocument,
    {
      input: {
        name,
        connectorType: 'rest-api',
        values: { baseUrl: targetUrl, authMethod: 'BEARER', bearerToken: CANARY, relayId },
      },
    },
    admin,
  );
  expect(JSON.stringify(created)).not.toContain(CANARY);
  return created.data?.createConnectorConfig.config?.id as string;
}

describe('relays', () => {
  it('registers a relay whose agent comes ONLINE and reports itself', async () => {
    const relay = await register();
    expect(relay.token).toMatch(/^pbr_default\.[0-9a-f]{32}\./);
    expect(await status(relay.id)).toBe('OFFLINE');
    agent(relay.token);
    await online(relay.id);
    const { data } = await execute(server.url, RelaysDocument, {}, admin);
    const listed = data?.relays.find((r) => r.id === relay.id);
    expect(listed).toMatchObject({
      name: 'site-a',
      status: 'ONLINE',
      agentVersion: expect.any(String),
      hostname: expect.any(String),
      connectedSince: expect.any(String),
    });
    expect(JSON.stringify(data)).not.toContain(relay.token);
  });

  it('reaches a program on 127.0.0.1 through the relay that it cannot reach directly', async () => {
    const relay = await register();
    const running = agent(relay.token);
    await online(relay.id);
    answer = (response) => response.end('{}');
    const direct = await test({});
    expect(direct.data?.testConnection.errors[0]).toMatchObject({ code: 'DESTINATION_NOT_ALLOWED', field: 'baseUrl' });
    const relayed = await test({ relayId: relay.id });
    expect(relayed.data?.testConnection).toMatchObject({ ok: true, testedVia: 'RELAY', errors: [] });
    // http://, so TLS did not apply; the bearer token signs in on the probe itself.
    expect(relayed.data?.testConnection.steps.map((step) => [step.kind, step.status])).toEqual([
      ['RESOLVE', 'SUCCEEDED'],
      ['CONNECT', 'SUCCEEDED'],
      ['TLS', 'SKIPPED'],
      ['AUTHENTICATE', 'SUCCEEDED'],
      ['AUTHORIZE', 'SUCCEEDED'],
    ]);
    answer = (response) => response.writeHead(401).end(`nope ${CANARY}`);
    const failed = await test({ relayId: relay.id });
    expect(failed.data?.testConnection.errors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      field: 'bearerToken',
      step: 'AUTHENTICATE',
    });
    expect(JSON.stringify(failed)).not.toContain(CANARY);
    expect(running.output()).not.toContain(CANARY);
    const counted = await execute(server.url, RelayDocument, { id: relay.id }, admin);
    expect(counted.data?.relay).toMatchObject({ testsRun: 2, testsFailed: 1 });
  });

  it("checks a saved config's health through its relay, with the saved values", async () => {
    const relay = await register(admin, 'site-health');
    agent(relay.token);
    await online(relay.id);
    answer = (response) => response.end('{}');
    const id = await saveBehind(relay.id, 'behind the relay');
    const healthy = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
    expect(healthy.data?.checkConfigHealth?.health).toMatchObject({ status: 'HEALTHY', issues: [] });
    answer = (response) => response.writeHead(401).end(`nope ${CANARY}`);
    const failing = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
    expect(failing.data?.checkConfigHealth?.health).toMatchObject({
      status: 'FAILING',
      issues: [expect.objectContaining({ code: 'INVALID_CREDENTIALS', field: 'bearerToken' })],
    });
    expect(JSON.stringify(failing)).not.toContain(CANARY);
    answer = (response) => response.end('{}');
  });

  it('says RELAY_DISCONNECTED when the agent dies during a test, and the agent comes back after a restart', async () => {
    const relay = await register();
    const first = agent(relay.token);
    await online(relay.id);
    answer = () => {}; // the target never answers, so the test is in flight when the agent dies
    const pending = test({ relayId: relay.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await first.kill('SIGKILL');
    const result = await pending;
    expect(result.data?.testConnection.errors[0]).toMatchObject({
      code: 'RELAY_DISCONNECTED',
      category: 'RELAY',
      field: 'relayId',
      hint: expect.any(String),
    });
    expect(await status(relay.id)).toBe('OFFLINE');
    agent(relay.token);
    await online(relay.id);
    answer = (response) => response.end('{}');
  });

  it('reconnects by itself, with backoff, when the network drops the connection', async () => {
    const relay = await register();
    const proxy = await startTcpProxy(server.url);
    try {
      const running = startAgent(proxy.url, relay.token);
      agents.push(running);
      await online(relay.id);
      // The network stays down until the server has noticed, so a quick reconnect cannot hide it.
      proxy.setDown(true);
      proxy.dropAll();
      await offline(relay.id);
      await waitFor(
        () => Promise.resolve(running.output()),
        (out) => out.includes('reconnecting'),
      );
      proxy.setDown(false);
      await online(relay.id);
    } finally {
      await proxy.stop();
    }
  });

  it('says RELAY_TIMEOUT when the agent does not answer in time, and drops its late answer', async () => {
    const relay = await register();
    agent(relay.token);
    await online(relay.id);
    answer = () => {}; // the agent's own step timeout (10 s) is longer than the hub's job timeout (4 s)
    const result = await test({ relayId: relay.id });
    expect(result.data?.testConnection.errors[0]).toMatchObject({
      code: 'RELAY_TIMEOUT',
      category: 'RELAY',
      retryable: true,
    });
    answer = (response) => response.end('{}');
    expect((await test({ relayId: relay.id })).data?.testConnection.ok).toBe(true);
  });

  it('answers RELAY_OFFLINE when no agent is connected', async () => {
    const relay = await register();
    const result = await test({ relayId: relay.id });
    expect(result.data?.testConnection.errors[0]).toMatchObject({
      code: 'RELAY_OFFLINE',
      field: 'relayId',
      step: 'RESOLVE',
    });
    // The same step rule as any failure: the first step failed, nothing after it ran.
    expect(result.data?.testConnection.steps.map((step) => step.status)).toEqual([
      'FAILED',
      'SKIPPED',
      'SKIPPED',
      'SKIPPED',
      'SKIPPED',
    ]);
  });

  it('disconnects the agent of a revoked relay at once, and refuses its token afterwards', async () => {
    const relay = await register();
    const running = agent(relay.token);
    await online(relay.id);
    const revoked = await execute(server.url, RevokeRelayDocument, { id: relay.id }, admin);
    expect(revoked.data?.revokeRelay.relay?.revokedAt).toEqual(expect.any(String));
    expect(await running.exited).toBe(2);
    expect(running.output()).toContain('revoked');
    const again = agent(relay.token);
    expect(await again.exited).toBe(2);
    expect(again.output()).toContain('refused the relay token');
    // The same code as saving a config on a revoked relay: one choice of relay, one set of codes.
    expect((await test({ relayId: relay.id })).data?.testConnection.errors[0]).toMatchObject({
      code: 'RELAY_REVOKED',
      category: 'CONFIGURATION',
      field: 'relayId',
    });
  });

  it('cuts off the old token when the token is rotated', async () => {
    const relay = await register();
    const old = agent(relay.token);
    await online(relay.id);
    const rotated = await execute(server.url, RotateRelayTokenDocument, { id: relay.id }, admin);
    expect(await old.exited).toBe(2);
    agent(rotated.data?.rotateRelayToken.token as string);
    await online(relay.id);
  });

  it('keeps a relay to its tenant', async () => {
    const relay = await register();
    agent(relay.token);
    await online(relay.id);
    const other = bearer((await server.services.apiKeys.create('beta', 'ADMIN', 'other', 'test')).key);
    expect(await status(relay.id, other)).toBeUndefined();
    expect((await execute(server.url, RelaysDocument, {}, other)).data?.relays).toEqual([]);
    const borrowed = await test({ relayId: relay.id }, other);
    expect(borrowed.data?.testConnection.errors[0]).toMatchObject({
      code: 'UNKNOWN_RELAY',
      field: 'relayId',
      message: 'No relay of yours has this id.',
    });
    const revoke = await execute(server.url, RevokeRelayDocument, { id: relay.id }, other);
    expect(revoke.data?.revokeRelay.errors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuses targets outside the agent's allowlist with RELAY_NOT_ALLOWED", async () => {
    const relay = await register();
    agent(relay.token, ['--allow', '10.0.0.0/8,files.corp.example']);
    await online(relay.id);
    const result = await test({ relayId: relay.id });
    expect(result.data?.testConnection.errors[0]).toMatchObject({
      code: 'RELAY_NOT_ALLOWED',
      category: 'RELAY',
      field: 'baseUrl',
    });
  });

  it('will not send tests over plain HTTP to anything but this machine', async () => {
    const insecure = startAgent(
      'http://plugboard.example.com',
      'pbr_default.00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    agents.push(insecure);
    expect(await insecure.exited).toBe(1);
    expect(insecure.output()).toContain('--server must be an https:// URL');
  });

  it('refuses an agent without a valid token', async () => {
    const stranger = agent('pbr_default.00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(await stranger.exited).toBe(2);
  });
});

describe('relay agent groups on one process', () => {
  /** An agent speaking the protocol by hand, to report a version the build does not have. */
  async function handMadeAgent(token: string, name: string, agentVersion: string) {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/relay`, {
      headers: { authorization: `Bearer ${token}`, 'x-plugboard-agent-name': name },
    });
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'hello', agentVersion, hostname: 'old-host' }));
    return socket;
  }

  it('lists each agent of a relay, and says when they run different versions', async () => {
    const relay = await register(admin, 'site-group');
    agent(relay.token, ['--name', 'current']);
    const old = await handMadeAgent(relay.token, 'legacy', '0.9.0');
    try {
      const shown = await waitFor(
        async () => (await execute(server.url, RelayDocument, { id: relay.id }, admin)).data?.relay,
        (value) => value?.agents.length === 2,
      );
      expect(shown?.agents.map((one) => [one.name, one.agentVersion]).sort()).toEqual([
        ['current', expect.not.stringMatching(/^0\.9\.0$/)],
        ['legacy', '0.9.0'],
      ]);
      expect(shown?.agentVersionsDiffer).toBe(true);
      expect(JSON.stringify(shown)).not.toContain(relay.token);
    } finally {
      old.close();
    }
  });

  it('finds a config DEGRADED while one agent of its relay is silent, and HEALTHY once the group is whole', async () => {
    const relay = await register(admin, 'site-partly-down');
    agent(relay.token, ['--name', 'working']);
    await online(relay.id);
    answer = (response) => response.end('{}');
    const id = await saveBehind(relay.id, 'behind a relay short of an agent');
    // An agent that says hello and then nothing: silent for three heartbeats, it stops serving.
    const silent = await handMadeAgent(relay.token, 'silent', '1.0.0');
    try {
      await waitFor(
        () => status(relay.id),
        (value) => value === 'DEGRADED',
      );
      const degraded = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
      expect(degraded.data?.checkConfigHealth?.health).toMatchObject({
        status: 'DEGRADED',
        issues: [
          expect.objectContaining({
            code: 'RELAY_DEGRADED',
            field: 'relayId',
            message: expect.stringMatching(
              /^[12] of this relay's 2 agents (is|are) silent or draining: tests and runs still go through the others\.$/,
            ),
            resolvedAt: null,
          }),
        ],
      });
    } finally {
      silent.close();
    }
    await online(relay.id);
    const healthy = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
    expect(healthy.data?.checkConfigHealth?.health?.status).toBe('HEALTHY');
    expect(healthy.data?.checkConfigHealth?.health?.issues).toEqual([
      expect.objectContaining({ code: 'RELAY_DEGRADED', resolvedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(healthy)).not.toContain(CANARY);
  });

  it('refuses an agent name outside letters, digits, dots, hyphens and underscores', async () => {
    const relay = await register(admin, 'site-named');
    const badly = startAgent(server.url, relay.token, ['--name', 'no spaces']);
    expect(await badly.exited).toBe(1);
    expect(badly.output()).toContain('--name');
    const refused = new WebSocket(`${server.url.replace('http', 'ws')}/relay`, {
      headers: { authorization: `Bearer ${relay.token}`, 'x-plugboard-agent-name': '../x' },
    });
    const status = await new Promise((resolve) =>
      refused.once('unexpected-response', (_request, response) => resolve(response.statusCode)),
    );
    expect(status).toBe(400);
  });

  it('drains on SIGTERM: the agent finishes its running test before it stops', async () => {
    const relay = await register(admin, 'site-sigterm');
    const running = agent(relay.token, ['--name', 'stopping']);
    await online(relay.id);
    answer = (response) => setTimeout(() => response.end('{}'), 800);
    const inFlight = test({ relayId: relay.id });
    await waitFor(
      async () => (await execute(server.url, RelayDocument, { id: relay.id }, admin)).data?.relay?.agents[0],
      (one) => one?.testsRunning === 1,
    );
    running.child.kill('SIGTERM');
    expect((await inFlight).data?.testConnection.ok).toBe(true);
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('drained');
    answer = (response) => response.end('{}');
  });
});
