import { CosmosStore } from '../../src/store/cosmos/cosmos.store';
import { StoreUnavailableError } from '../../src/store/store.errors';
import { type CosmosPeer, startCosmosPeer } from '../peers/cosmos.peer';
import { type FaultyProxy, startFaultyProxy } from '../peers/faulty-proxy.peer';
import { aConfig } from '../support/store-fixtures';

let peer: CosmosPeer;
let proxy: FaultyProxy;
let store: CosmosStore;
const charges: string[] = [];

beforeAll(async () => {
  peer = await startCosmosPeer('http');
  proxy = await startFaultyProxy(peer.endpoint);
  store = await CosmosStore.open({
    endpoint: proxy.endpoint,
    key: peer.key,
    database: 'faults',
    onRequestCharge: (operation) => charges.push(operation),
  });
});

afterEach(() => proxy.heal());

afterAll(async () => {
  await store.close();
  await proxy.stop();
  await peer.stop();
});

describe('the Cosmos store under database trouble', () => {
  it('reports the request charge of every operation', async () => {
    charges.length = 0;
    await store.configs.create(aConfig('acme'));
    await store.configs.list('acme', {}, { first: 5 });
    expect(charges).toEqual(['configs.create', 'configs.query']);
  });

  it('lets the SDK retry throttling (429), then answers with a clear, retryable error', async () => {
    proxy.fail(/\/docs/, {
      status: 429,
      headers: { 'x-ms-retry-after-ms': '5', 'x-ms-substatus': '3200' },
      body: JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large.' }),
    });
    const attempt = store.configs.list('acme', {}, { first: 5 });
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', details: { retryAfterSeconds: 1 } });
    expect(proxy.faults()).toBeGreaterThan(1);
  });

  it('recovers once throttling stops', async () => {
    proxy.fail(/\/docs/, {
      status: 429,
      headers: { 'x-ms-retry-after-ms': '5' },
      body: JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large.' }),
    });
    const attempt = store.configs.list('acme', {}, { first: 5 });
    setTimeout(() => proxy.heal(), 15);
    await expect(attempt).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it('turns an unavailable service (503) into a clear error', async () => {
    proxy.fail(/\/docs/, {
      status: 503,
      headers: {},
      body: JSON.stringify({ code: 'ServiceUnavailable', message: 'The service is unavailable.' }),
    });
    await expect(store.configs.create(aConfig('acme'))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: 'The database is unavailable right now. Try again shortly.',
    });
  });
});
