import { CredentialUnavailableError } from '@azure/identity';
import { CosmosStore } from '../../src/store/cosmos/cosmos.store';
import { type CosmosPeer, startCosmosPeer } from '../peers/cosmos.peer';
import { type FaultyProxy, startFaultyProxy } from '../peers/faulty-proxy.peer';

/**
 * Opening Cosmos DB fails with a message that names the variables to change, not the SDK's own
 * words alone: a refused key names COSMOS_KEY; no key and no Entra identity says both ways out.
 */
let peer: CosmosPeer;
let proxy: FaultyProxy;

beforeAll(async () => {
  peer = await startCosmosPeer('http');
  proxy = await startFaultyProxy(peer.endpoint);
});

afterEach(() => proxy.heal());

afterAll(async () => {
  await proxy.stop();
  await peer.stop();
});

describe('opening the Cosmos store', () => {
  it('names COSMOS_KEY when the account refuses the key, and never shows the key', async () => {
    proxy.fail(/\/dbs/, {
      status: 401,
      headers: {},
      body: JSON.stringify({
        code: 'Unauthorized',
        message: "The input authorization token can't serve the request. The wrong key is being used.",
      }),
    });
    const opening = CosmosStore.open({ endpoint: proxy.endpoint, key: peer.key, database: 'refused' });
    await expect(opening).rejects.toThrow(/COSMOS_KEY/);
    await expect(opening).rejects.toThrow(/COSMOS_ENDPOINT/);
    await expect(opening).rejects.not.toThrow(peer.key);
  });

  it('says COSMOS_KEY is unset and the Entra sign-in failed, when there is neither', async () => {
    const noIdentity = {
      getToken: async () => {
        throw new CredentialUnavailableError('No managed identity endpoint found.');
      },
    };
    const opening = CosmosStore.open({ endpoint: proxy.endpoint, database: 'no-identity', credential: noIdentity });
    await expect(opening).rejects.toThrow(/COSMOS_KEY is not set.*Entra ID.*Set COSMOS_KEY/);
  });

  it('opens when the key is right', async () => {
    const store = await CosmosStore.open({ endpoint: proxy.endpoint, key: peer.key, database: 'opened' });
    await store.close();
  });
});
