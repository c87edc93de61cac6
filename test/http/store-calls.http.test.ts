import { ConnectorConfigsDocument, CreateConnectorConfigDocument } from '../../codegen/generated/graphql';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { countingStore } from '../support/counting-store';
import { execute } from '../support/graphql-client';
import { aRelay } from '../support/store-fixtures';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const counted = countingStore(new SqliteStore(':memory:'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, { store: counted.store });
  const admin = bearer(server.adminKey);
  const relayIds: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    const relay = aRelay('default', { name: `relay-${index}` });
    await counted.store.relays.create(relay);
    relayIds.push(relay.id);
  }
  for (let index = 0; index < 100; index += 1) {
    const { data } = await execute(
      server.url,
      CreateConnectorConfigDocument,
      {
        input: {
          name: `Database ${index}`,
          connectorType: 'postgresql',
          values: {
            host: 'h',
            database: 'd',
            username: 'u',
            password: 'p',
            relayId: relayIds[index % relayIds.length],
          },
        },
      },
      admin,
    );
    expect(data?.createConnectorConfig.errors).toEqual([]);
  }
});

afterAll(async () => {
  await server.stop();
});

async function storeCallsToList(first: number): Promise<Record<string, number>> {
  counted.reset();
  const { data, errors } = await execute(server.url, ConnectorConfigsDocument, { first }, bearer(server.adminKey));
  expect(errors).toBeUndefined();
  expect(data?.connectorConfigs.edges).toHaveLength(first);
  expect(data?.connectorConfigs.edges.every((edge) => edge.node.relay?.name.startsWith('relay-'))).toBe(true);
  // Each relay's live status comes from the relay broker in memory, not from the store.
  expect(data?.connectorConfigs.edges.every((edge) => edge.node.relay?.status === 'OFFLINE')).toBe(true);
  expect(data?.connectorConfigs.edges.every((edge) => edge.node.connectorType.key === 'postgresql')).toBe(true);
  return counted.calls();
}

describe('store calls per request', () => {
  it('stay the same whatever the page size: one list, one batched relay read (no N+1)', async () => {
    const ten = await storeCallsToList(10);
    const hundred = await storeCallsToList(100);
    expect(hundred).toEqual(ten);
    expect(hundred).toEqual({ 'configs.list': 1, 'relays.getMany': 1 });
  });
});
