import { ConnectorTypeDocument } from '../../codegen/generated/graphql';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const CANARY = 'canary-internal-detail-7Qx2';
const store = new SqliteStore(':memory:');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, { store });
});

afterAll(async () => {
  await server.stop();
});

describe('masking of unexpected errors', () => {
  it('answers INTERNAL_SERVER_ERROR with the request id and no internal text; the log of that request has the error', async () => {
    const list = jest.spyOn(store.configs, 'list').mockRejectedValueOnce(new Error(`socket hang up at ${CANARY}`));
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(server.adminKey) },
      body: JSON.stringify({ query: '{ connectorConfigs(first: 5) { nodes { id } } }' }),
    });
    list.mockRestore();
    const requestId = response.headers.get('x-request-id');
    const text = await response.text();
    const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };

    expect(body.errors[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('stacktrace');
    const logLine = server
      .logs()
      .split('\n')
      .find((line) => line.includes(CANARY));
    expect(logLine).toBeDefined();
    expect(JSON.parse(logLine as string)).toMatchObject({ requestId, level: 50 });
  });

  it('keeps domain errors as they are, without a request id', async () => {
    const result = await execute(server.url, ConnectorTypeDocument, { key: 'postgresql', integration: 'nope' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors?.[0].extensions).not.toHaveProperty('requestId');
  });
});
