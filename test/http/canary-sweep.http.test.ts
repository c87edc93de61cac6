import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { settingsMemberOf } from '../../src/connector-kit/connector.definition';
import { FormFieldType } from '../../src/forms/form.enums';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * A canary through every locked field of every connector, on every path a caller can send it:
 * create and update (as values and as typed settings), the wrong type, a coercion error, a
 * connection test (direct and through a relay that is not theirs). None may come back in a
 * response, a log line or a byte of the store; only the runtime read returns locked values.
 */
const catalogue = defaultCatalogue();
const lockedFields = catalogue
  .connectors()
  .flatMap((connector) => connector.fields.filter((field) => field.locked).map((field) => [connector, field] as const));
let server: TestServer;
let admin: Record<string, string>;
let restApiConfigId: string;
const canaries: string[] = [];

const CREATE = `mutation Create($input: CreateConnectorConfigInput!) {
  createConnectorConfig(input: $input) { errors { field code message } config { id } } }`;
const UPDATE = `mutation Update($input: UpdateConnectorConfigInput!) {
  updateConnectorConfig(input: $input) { errors { field code message } config { id version } } }`;
const TEST = `mutation Test($input: TestConnectionInput!) {
  testConnection(input: $input) { status errors { field code message hint providerMessage } } }`;

async function send(query: string, input: unknown): Promise<string> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify({ query, variables: { input } }),
  });
  expect(response.status).toBeLessThan(500);
  return response.text();
}

beforeAll(async () => {
  server = await startTestServer();
  admin = bearer(server.adminKey);
  const created = JSON.parse(
    await send(CREATE, {
      name: 'sweep',
      connectorType: 'rest-api',
      values: { baseUrl: 'https://example.com', authMethod: 'NONE' },
    }),
  ) as { data: { createConnectorConfig: { config: { id: string } } } };
  restApiConfigId = created.data.createConnectorConfig.config.id;
});

afterAll(async () => {
  await server.stop();
});

describe.each(lockedFields.map(([connector, field]) => [`${connector.key}.${field.name}`, connector, field] as const))(
  '%s',
  (_name, connector, field) => {
    const canary = `Sweep-${connector.key}-${field.name}-Canary`;
    canaries.push(canary);
    const value = field.type === FormFieldType.KEY_VALUE_LIST ? [{ name: 'X-Sweep', value: canary }] : canary;
    const member = settingsMemberOf(connector.key);

    it.each<[string, string, () => unknown]>([
      [
        'create, as values',
        CREATE,
        () => ({ name: 'c', connectorType: connector.key, values: { [field.name]: value } }),
      ],
      ['create, as typed settings', CREATE, () => ({ name: 'c', settings: { [member]: { [field.name]: value } } })],
      [
        'create, the wrong type',
        CREATE,
        () => ({ name: 'c', connectorType: connector.key, values: { [field.name]: [[value]] } }),
      ],
      [
        'create, a coercion error',
        CREATE,
        () => ({ name: 'c', settings: { [member]: { [field.name]: value, nope: canary } } }),
      ],
      [
        'create, a list where text goes',
        CREATE,
        () => ({ name: 'c', settings: { [member]: { [field.name]: [canary, 1] } } }),
      ],
      [
        'update, as values',
        UPDATE,
        () => ({ id: restApiConfigId, expectedVersion: 1, values: { [field.name]: value } }),
      ],
      [
        'update, as typed settings',
        UPDATE,
        () => ({ id: restApiConfigId, expectedVersion: 99, settings: { [member]: { [field.name]: value } } }),
      ],
      ['a test', TEST, () => ({ connectorType: connector.key, values: { [field.name]: value } })],
      [
        'a test through a relay that is not theirs',
        TEST,
        () => ({ connectorType: connector.key, relay: 'UmVsYXk6MDAwMA', values: { [field.name]: value } }),
      ],
      [
        'a typed test with a coercion error',
        TEST,
        () => ({ connectorType: connector.key, settings: { [member]: { [field.name]: value, nope: 1 } } }),
      ],
    ])('never comes back from %s', async (_path, query, input) => {
      const answer = await send(query, input());
      expect(answer).not.toContain(canary);
    });
  },
);

it('is in no log line and no byte of the store', () => {
  expect(canaries.length).toBe(lockedFields.length);
  const logs = server.logs();
  for (const canary of canaries) expect(logs).not.toContain(canary);
  for (const file of readdirSync(server.dataDir)) {
    const bytes = readFileSync(join(server.dataDir, file));
    for (const canary of canaries)
      expect({ file, canary, found: bytes.includes(canary) }).toMatchObject({ found: false });
  }
});
