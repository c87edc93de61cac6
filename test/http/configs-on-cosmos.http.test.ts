import {
  ConnectorConfigDocument,
  ConnectorConfigsDocument,
  ConnectorRuntimeConfigDocument,
  CreateConnectorConfigDocument,
  UpdateConnectorConfigDocument,
} from '../../codegen/generated/graphql';
import { CosmosStore } from '../../src/store/cosmos/cosmos.store';
import { type CosmosPeer, startCosmosPeer } from '../peers/cosmos.peer';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/** The whole configs API with Cosmos DB underneath: the real SDK against the in-process peer. */
let peer: CosmosPeer;
let server: TestServer;
const CANARY = 'canary-cosmos-4d2e9f';

beforeAll(async () => {
  peer = await startCosmosPeer();
  const store = await CosmosStore.open({ endpoint: peer.endpoint, key: peer.key, agent: peer.agent, database: 'http' });
  server = await startTestServer({}, { store });
});

afterAll(async () => {
  await server.stop();
  await peer.stop();
});

it('saves, updates, lists, isolates tenants and serves the runtime on Cosmos DB', async () => {
  const admin = bearer(server.adminKey);
  const values = {
    host: 'files.example.com',
    username: 'svc',
    password: CANARY,
    authMethod: 'PASSWORD',
    hostKeyFingerprint: `SHA256:${'B'.repeat(43)}`,
  };
  const created = await execute(
    server.url,
    CreateConnectorConfigDocument,
    { input: { name: 'Drop box', connectorType: 'sftp', values } },
    admin,
  );
  expect(created.data?.createConnectorConfig.errors).toEqual([]);
  const id = created.data?.createConnectorConfig.config?.id as string;

  const updated = await execute(
    server.url,
    UpdateConnectorConfigDocument,
    { input: { id, expectedVersion: 1, name: 'Drop box 2' } },
    admin,
  );
  expect(updated.data?.updateConnectorConfig.config).toMatchObject({ name: 'Drop box 2', version: 2 });
  expect(updated.data?.updateConnectorConfig.config?.lockedFields.find((f) => f.field === 'password')?.isSet).toBe(
    true,
  );
  const stale = await execute(
    server.url,
    UpdateConnectorConfigDocument,
    { input: { id, expectedVersion: 1, name: 'late' } },
    admin,
  );
  expect(stale.data?.updateConnectorConfig.errors[0]).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });

  const listed = await execute(server.url, ConnectorConfigsDocument, { filter: { connectorType: 'sftp' } }, admin);
  expect(listed.data?.connectorConfigs.edges.map((e) => e.node.name)).toEqual(['Drop box 2']);

  const other = bearer((await server.services.apiKeys.create('beta', 'ADMIN', 'other', 'test')).key);
  expect((await execute(server.url, ConnectorConfigDocument, { id }, other)).data?.connectorConfig).toBeNull();
  expect((await execute(server.url, ConnectorConfigsDocument, {}, other)).data?.connectorConfigs.edges).toEqual([]);

  const runtime = bearer((await server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key);
  const read = await execute(server.url, ConnectorRuntimeConfigDocument, { id }, runtime);
  expect(read.data?.connectorRuntimeConfig?.values.password).toBe(CANARY);
  expect(JSON.stringify([created, updated, listed])).not.toContain(CANARY);
  expect(server.logs()).not.toContain(CANARY);
});
