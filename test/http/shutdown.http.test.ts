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
    // The client's keep-alive connection does not hold the shutdown open until it times out.
    const answered = performance.now();
    await stopping;
    expect(performance.now() - answered).toBeLessThan(2000);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
