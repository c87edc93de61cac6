import { SchemaSdlDocument } from '../../codegen/generated/graphql';
import { PLATFORM_TENANT } from '../../src/auth/principal';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
const keys: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  const create = async (tenant: string, role: 'INTERNAL' | 'PARTNER' | 'ADMIN') =>
    bearer((await server.services.apiKeys.create(tenant, role, role, 'test')).key);
  keys.internal = await create(PLATFORM_TENANT, 'INTERNAL');
  keys.partner = await create(PLATFORM_TENANT, 'PARTNER');
  keys.admin = bearer(server.adminKey);
  keys.anonymous = {};
});

afterAll(async () => {
  await server.stop();
});

const ask = (query: string, headers: Record<string, string>) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('the introspection policy', () => {
  it.each([
    ['internal', 200],
    ['partner', 200],
    ['admin', 403],
    ['anonymous', 403],
  ])('lets a %s caller introspect: %s', async (who, status) => {
    const response = await ask('{ __schema { queryType { name } } }', keys[who]);
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('FORBIDDEN');
    }
    expect((await ask('{ __type(name: "ConnectorType") { name } }', keys[who])).status).toBe(status);
  });

  it('hides "did you mean" suggestions from callers who may not introspect', async () => {
    const typo = '{ connectorTypez { key } }';
    const forAnonymous = (await (await ask(typo, keys.anonymous)).json()) as { errors: { message: string }[] };
    expect(forAnonymous.errors[0].message).toBe('Cannot query field "connectorTypez" on type "Query".');
    const forInternal = (await (await ask(typo, keys.internal)).json()) as { errors: { message: string }[] };
    expect(forInternal.errors[0].message).toContain('Did you mean');
  });

  it('serves the SDL with directives to internal keys only', async () => {
    expect((await execute(server.url, SchemaSdlDocument, {}, keys.internal)).data?.schemaSdl).toContain('@formField');
    expect((await execute(server.url, SchemaSdlDocument, {}, keys.partner)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await execute(server.url, SchemaSdlDocument, {}, keys.anonymous)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('keeps platform roles out of tenants, and tenant roles out of the platform', async () => {
    await expect(server.services.apiKeys.create('acme', 'PARTNER', 'p', 'test')).rejects.toThrow(
      'belong to the platform',
    );
    await expect(server.services.apiKeys.create(PLATFORM_TENANT, 'ADMIN', 'a', 'test')).rejects.toThrow(
      'customer tenant',
    );
  });
});
