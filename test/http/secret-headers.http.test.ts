import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * Headers that carry a credential are locked values: the REST API connector's Secret headers
 * are write-only, stored encrypted, read back only at run time, and re-entered for a test; its
 * Custom headers, which are shown again, refuse credential-looking names.
 */
const CANARY = 'Header-Canary-Token-4471';
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = bearer(server.adminKey);
});

afterAll(async () => {
  await server.stop();
});

type Created = {
  createConnectorConfig: { errors: { field: string; message: string }[]; config: { id: string } | null };
};

const create = (values: Record<string, unknown>) =>
  execute<Created, { input: unknown }>(
    server.url,
    parse(`mutation Create($input: CreateConnectorConfigInput!) {
      createConnectorConfig(input: $input) { errors { field message } config { id } } }`),
    {
      input: {
        name: 'api',
        connectorType: 'rest-api',
        values: { baseUrl: 'https://example.com', authMethod: 'NONE', ...values },
      },
    },
    admin,
  );

it.each(['Authorization', 'X-API-Key', 'X-Auth-Token', 'Cookie', 'Ocp-Apim-Subscription-Key'])(
  'refuses %s among custom headers, which are shown again',
  async (name) => {
    const { data } = await create({ customHeaders: [{ name, value: `Bearer ${CANARY}` }] });
    expect(data?.createConnectorConfig.config).toBeNull();
    expect(data?.createConnectorConfig.errors).toEqual([
      { field: 'customHeaders', message: expect.stringContaining('Secret headers') },
    ]);
  },
);

it('keeps secret headers write-only and encrypted, and gives them to the runtime alone', async () => {
  const secretHeaders = [{ name: 'Authorization', value: `Bearer ${CANARY}` }];
  const { data } = await create({ secretHeaders, customHeaders: [{ name: 'X-Trace', value: 'on' }] });
  expect(data?.createConnectorConfig.errors).toEqual([]);
  const id = data?.createConnectorConfig.config?.id as string;

  const viewer = bearer((await server.services.apiKeys.create('default', 'VIEWER', 'viewer', 'test')).key);
  const read = await execute<
    { connectorConfig: { values: Record<string, unknown>; lockedFields: { field: string; isSet: boolean }[] } },
    { id: string }
  >(
    server.url,
    parse(`query Read($id: ID!) { connectorConfig(id: $id) { values lockedFields { field isSet }
      settings { ... on RestApiSettings { secretHeaders { isSet } customHeaders { name value } } } } }`),
    { id },
    viewer,
  );
  expect(read.data?.connectorConfig.values).not.toHaveProperty('secretHeaders');
  expect(read.data?.connectorConfig.lockedFields).toContainEqual({ field: 'secretHeaders', isSet: true });
  expect(JSON.stringify(read)).not.toContain(CANARY);

  const runtime = bearer((await server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key);
  const run = await execute<{ connectorRuntimeConfig: { values: Record<string, unknown> } }, { id: string }>(
    server.url,
    parse('query Run($id: ID!) { connectorRuntimeConfig(id: $id) { values } }'),
    { id },
    runtime,
  );
  expect(run.data?.connectorRuntimeConfig.values.secretHeaders).toEqual(secretHeaders);

  const test = await execute<
    { testConnection: { status: string; errors: { code: string; field: string }[] } },
    { id: string }
  >(
    server.url,
    parse(`mutation Test($id: ID!) { testConnection(input: { connectorType: "rest-api", configId: $id,
      values: { baseUrl: "https://example.com", authMethod: "NONE" } }) { status errors { code field } } }`),
    { id },
    admin,
  );
  expect(test.data?.testConnection).toEqual({
    status: 'REFUSED',
    errors: [{ code: 'LOCKED_FIELD_NOT_REENTERED', field: 'secretHeaders' }],
  });

  expect(server.logs()).not.toContain(CANARY);
  for (const file of readdirSync(server.dataDir)) {
    expect({ file, found: readFileSync(join(server.dataDir, file)).includes(CANARY) }).toEqual({ file, found: false });
  }
});
