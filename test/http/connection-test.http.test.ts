import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  ConnectorConfigDocument,
  CreateConnectorConfigDocument,
  TestConnectionDocument,
} from '../../codegen/generated/graphql';
import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { type HttpsPeer, json, startHttpsPeer } from '../peers/https.peer';
import { execute } from '../support/graphql-client';
import { aRelay } from '../support/store-fixtures';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const CANARY = 'canary-Test-Token-5512';
let certs: TestCertificates;
let api: HttpsPeer;
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  certs = await makeTestCertificates();
  api = await startHttpsPeer(certs.valid);
  const caFile = join(require('node:os').tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  server = await startTestServer({ PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128', PLUGBOARD_EXTRA_CA_FILE: caFile });
  admin = bearer(server.adminKey);
});

afterAll(async () => {
  await server.stop();
  await api.stop();
});

const rest = (overrides: Record<string, unknown> = {}) => ({
  baseUrl: api.url,
  authMethod: 'BEARER',
  bearerToken: CANARY,
  ...overrides,
});
const test = (input: Parameters<typeof execute<unknown, { input: object }>>[2], headers = admin) =>
  execute(server.url, TestConnectionDocument, input as never, headers);

describe('testConnection over GraphQL', () => {
  it('answers a passing test with its steps', async () => {
    api.handle((_request, response) => json(response, 200, {}));
    const { data, errors } = await test({ input: { connectorType: 'rest-api', values: rest() } });
    expect(errors).toBeUndefined();
    expect(data?.testConnection).toMatchObject({ ok: true, status: 'SUCCEEDED', testedVia: 'DIRECT', errors: [] });
    expect(data?.testConnection.steps.map((s) => s.kind)).toEqual([
      'RESOLVE',
      'CONNECT',
      'TLS',
      'AUTHENTICATE',
      'AUTHORIZE',
    ]);
  });

  it('answers a failing test as data, scrubbed, and logs it without the secret', async () => {
    api.handle((request, response) => json(response, 401, { error: `bad token ${request.headers.authorization}` }));
    const result = await test({ input: { connectorType: 'rest-api', values: rest() } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.testConnection.errors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      category: 'CREDENTIALS',
      field: 'bearerToken',
      section: 'GENERAL',
      hint: expect.any(String),
      providerMessage: expect.stringContaining('[redacted]'),
    });
    expect(JSON.stringify(result)).not.toContain(CANARY);
    expect(server.logs()).toContain('"msg":"connection test"');
    expect(server.logs()).not.toContain(CANARY);
  });

  it('records the outcome on a saved config without changing its version, and never uses its saved secrets', async () => {
    const created = await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { name: 'API', connectorType: 'rest-api', values: rest() } },
      admin,
    );
    const config = created.data?.createConnectorConfig.config;
    const before = api.connections();
    const notReentered = await test({
      input: { connectorType: 'rest-api', values: rest({ bearerToken: undefined }), configId: config?.id },
    });
    expect(notReentered.data?.testConnection).toMatchObject({
      status: 'REFUSED',
      errors: [expect.objectContaining({ code: 'LOCKED_FIELD_NOT_REENTERED', field: 'bearerToken' })],
    });
    expect(api.connections()).toBe(before);

    api.handle((_request, response) => json(response, 403, {}));
    await test({ input: { connectorType: 'rest-api', values: rest(), configId: config?.id } });
    // A refused test attempted nothing: the last real outcome stays.
    await test({
      input: { connectorType: 'rest-api', values: rest({ bearerToken: undefined }), configId: config?.id },
    });
    const { data } = await execute(server.url, ConnectorConfigDocument, { id: config?.id as string }, admin);
    expect(data?.connectorConfig).toMatchObject({
      version: 1,
      lastTest: { ok: false, code: 'PERMISSION_DENIED', by: expect.stringMatching(/^api-key:/) },
    });
  });

  it('answers RELAY_OFFLINE for a relay with no agent connected', async () => {
    const relay = aRelay('default', { name: 'dc-1' });
    await server.services.store.relays.create(relay);
    const { data } = await test({ input: { connectorType: 'rest-api', values: rest({ relayId: relay.id }) } });
    expect(data?.testConnection).toMatchObject({
      ok: false,
      testedVia: 'RELAY',
      errors: [expect.objectContaining({ code: 'RELAY_OFFLINE', category: 'RELAY', field: 'relayId' })],
    });
  });

  it('validates before sending anything to a relay', async () => {
    const relay = aRelay('default', { name: 'dc-2' });
    await server.services.store.relays.create(relay);
    const { data } = await test({
      input: { connectorType: 'rest-api', values: rest({ baseUrl: 'ftp://x', relayId: relay.id }) },
    });
    expect(data?.testConnection).toMatchObject({
      status: 'REFUSED',
      errors: [expect.objectContaining({ code: 'INVALID_VALUE', field: 'baseUrl' })],
    });
  });

  it('lets editors test but not viewers', async () => {
    const viewer = bearer((await server.services.apiKeys.create('default', 'VIEWER', 'v', 'test')).key);
    expect(
      (await test({ input: { connectorType: 'rest-api', values: rest() } }, viewer)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses private destinations unless the operator allows them', async () => {
    const closed = await startTestServer({ PLUGBOARD_EXTRA_CA_FILE: undefined });
    try {
      const { data } = await execute(
        closed.url,
        TestConnectionDocument,
        { input: { connectorType: 'rest-api', values: rest() } },
        bearer(closed.adminKey),
      );
      expect(data?.testConnection.errors[0]).toMatchObject({
        code: 'DESTINATION_NOT_ALLOWED',
        field: 'baseUrl',
        hint: expect.stringContaining('relay'),
      });
    } finally {
      await closed.stop();
    }
  });
});
