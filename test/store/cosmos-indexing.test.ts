import { CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../../src/store/cosmos/cosmos.store';
import { INDEXING_POLICIES } from '../../src/store/cosmos/indexing-policy';
import { type CosmosPeer, startCosmosPeer } from '../peers/cosmos.peer';
import { aConfig, anOAuthState } from '../support/store-fixtures';

/**
 * The containers' indexing policies, read back from the Cosmos peer through the real SDK: no
 * secret or wrapped key in any index, a composite index per list filter, and a container made
 * by an earlier version brought up to date when the store opens.
 */
let peer: CosmosPeer;
let client: CosmosClient;

beforeAll(async () => {
  peer = await startCosmosPeer('http');
  client = new CosmosClient({
    endpoint: peer.endpoint,
    key: peer.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
});

afterAll(async () => {
  client.dispose();
  await peer.stop();
});

const policyOf = async (database: string, container: string) =>
  (await client.database(database).container(container).read()).resource?.indexingPolicy;

describe('Cosmos indexing policies', () => {
  it('keep ciphertext, form values and wrapped keys out of every index, with a composite index per filter', async () => {
    const store = await CosmosStore.open({ endpoint: peer.endpoint, key: peer.key, database: 'indexing-new' });
    try {
      const configs = await policyOf('indexing-new', 'configs');
      expect(configs?.excludedPaths?.map((path) => path.path)).toEqual(
        expect.arrayContaining(['/secrets/*', '/clearedSecrets/*', '/values/*']),
      );
      expect(configs?.compositeIndexes).toEqual(INDEXING_POLICIES.configs.compositeIndexes);
      const dataKeys = await policyOf('indexing-new', 'dataKeys');
      expect(dataKeys?.excludedPaths?.map((path) => path.path)).toContain('/wrapped/*');
      // The filtered lists page through those indexes (two-property ORDER BY).
      const config = aConfig('t1', { connectorKey: 'sftp', integrationKey: 'file-export' });
      await store.configs.create(config);
      await store.configs.create(aConfig('t1'));
      expect((await store.configs.list('t1', { connectorKey: 'sftp' }, { first: 5 })).items.map((c) => c.id)).toEqual([
        config.id,
      ]);
      const backward = await store.configs.list('t1', { integrationKey: 'file-export' }, { last: 5 });
      expect(backward.items.map((c) => c.id)).toEqual([config.id]);
    } finally {
      await store.close();
    }
  });

  it('keeps consent states in their own partitions, found by a point read, each with a time to live', async () => {
    const store = await CosmosStore.open({ endpoint: peer.endpoint, key: peer.key, database: 'indexing-states' });
    try {
      const container = client.database('indexing-states').container('oauthStatesById');
      const definition = (await container.read()).resource;
      expect(definition?.partitionKey?.paths).toEqual(['/id']);
      expect(definition?.indexingPolicy?.excludedPaths?.map((path) => path.path)).toContain('/verifier/*');
      const state = anOAuthState('t1');
      await store.oauthStates.create(state);
      // As stored: partitioned by its id, expiring (in Cosmos itself) a minute after the flow does.
      const stored = (await container.item(state.id, state.id).read()).resource;
      expect(stored?.tenantId).toBe('t1');
      expect(stored?.ttl).toBeGreaterThanOrEqual(600);
      expect(stored?.ttl).toBeLessThanOrEqual(661);
      expect(await store.oauthStates.take(state.id)).toEqual(state);
    } finally {
      await store.close();
    }
  });

  it('brings a container made by an earlier version up to this policy when the store opens', async () => {
    const { database } = await client.databases.createIfNotExists({ id: 'indexing-old' });
    await database.containers.createIfNotExists({ id: 'configs', partitionKey: { paths: ['/tenantId'] } });
    expect((await policyOf('indexing-old', 'configs'))?.excludedPaths ?? []).not.toContainEqual({ path: '/secrets/*' });
    const store = await CosmosStore.open({ endpoint: peer.endpoint, key: peer.key, database: 'indexing-old' });
    await store.close();
    const updated = await policyOf('indexing-old', 'configs');
    expect(updated?.excludedPaths?.map((path) => path.path)).toContain('/secrets/*');
    expect(updated?.compositeIndexes).toEqual(INDEXING_POLICIES.configs.compositeIndexes);
  });
});
