import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegisterRelayDocument, RelayDocument, TestConnectionDocument } from '../../codegen/generated/graphql';
import { generateApiKey } from '../../src/auth/api-key.format';
import { type CosmosPeer, startCosmosPeer } from '../peers/cosmos.peer';
import { type RedisPeer, startRedis } from '../peers/redis.peer';
import { type AgentProcess, startAgent, waitFor } from '../support/agent-process';
import { execute } from '../support/graphql-client';
import { type Replica, startReplicas } from '../support/replicas';
import { bearer } from '../support/test-server';

/**
 * The production shape on one machine: two replicas on Cosmos DB (through the real SDK, against
 * the emulator peer) and Redis, no shared disk. The relay registered on one is served by the
 * other, with its agent on the first.
 */
jest.setTimeout(90_000);

let cosmos: CosmosPeer;
let redis: RedisPeer;
let replicas: Replica[];
let target: Server;
let agent: AgentProcess | undefined;
const dataDirs: string[] = [];
const adminKey = generateApiKey('default').key;
const admin = bearer(adminKey);

beforeAll(async () => {
  [cosmos, redis] = await Promise.all([startCosmosPeer('http'), startRedis()]);
  const shared = {
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: `fleet-${randomBytes(4).toString('hex')}`,
    PLUGBOARD_KEKS: `k1:${randomBytes(32).toString('base64')}`,
    PLUGBOARD_BOOTSTRAP_ADMIN_KEY: adminKey,
    PLUGBOARD_REDIS_URL: redis.url,
    PLUGBOARD_RELAY_HEARTBEAT_MS: '200',
  };
  // Each replica its own data directory: nothing is shared but Cosmos DB and Redis.
  replicas = [];
  for (const _ of [1, 2]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-cosmos-fleet-'));
    dataDirs.push(dataDir);
    replicas.push(...(await startReplicas(1, { ...shared, PLUGBOARD_DATA_DIR: dataDir })));
  }
  target = createServer((_request, response) => response.end('{}'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await agent?.kill('SIGKILL');
  await Promise.all(replicas.map((replica) => replica.kill('SIGKILL')));
  await redis.stop();
  await cosmos.stop();
  target.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
});

describe('replicas on Cosmos DB and Redis', () => {
  it('serve a relay registered on one through the other, its agent connected to the first', async () => {
    const [first, second] = replicas;
    const registered = (await execute(first.url, RegisterRelayDocument, { input: { name: 'cosmos-site' } }, admin)).data
      ?.registerRelay;
    const relayId = registered?.relay?.id as string;
    agent = startAgent(first.url, registered?.token as string, ['--name', 'dc1']);
    await waitFor(
      async () => (await execute(second.url, RelayDocument, { id: relayId }, admin)).data?.relay?.status,
      (status) => status === 'ONLINE',
    );
    const baseUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    const result = await execute(
      second.url,
      TestConnectionDocument,
      { input: { connectorType: 'rest-api', values: { baseUrl, authMethod: 'BEARER', bearerToken: 't', relayId } } },
      admin,
    );
    expect(result.data?.testConnection).toMatchObject({ ok: true, testedVia: 'RELAY' });
    // The outcome is counted on the relay in Cosmos, seen from the replica that holds the agent.
    const counted = await execute(first.url, RelayDocument, { id: relayId }, admin);
    expect(counted.data?.relay).toMatchObject({ testsRun: 1, testsFailed: 0, agents: [{ name: 'dc1', testsRun: 1 }] });
  });
});
