import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { bearer, startTestServer } from '../support/test-server';

describe('graceful shutdown', () => {
  it('finishes a request in flight, then stops taking new ones', async () => {
    const store = new SqliteStore(':memory:');
    const server = await startTestServer({}, { store });
    const list = store.configs.list.bind(store.configs);
    let started: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    // The store answers slowly, so the request is mid-execution when the shutdown starts.
    jest.spyOn(store.configs, 'list').mockImplementation(async (...args) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 400));
      return list(...args);
    });
    const pending = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(server.adminKey) },
      body: JSON.stringify({ query: '{ connectorConfigs(first: 5) { edges { node { id } } } }' }),
    });
    await inFlight;
    const stopping = server.stop();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ data: { connectorConfigs: { edges: [] } } });
    // Asked to close, the client's keep-alive connection cannot hold the shutdown open.
    await stopping;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
