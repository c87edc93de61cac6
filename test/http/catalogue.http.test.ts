import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConnectorTypeDocument,
  ConnectorTypesDocument,
  IntegrationsDocument,
  SchemaSdlDocument,
} from '../../codegen/generated/graphql';
import { PLATFORM_TENANT } from '../../src/auth/principal';
import { looksSecret } from '../../src/forms/secret-names';
import { execute } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

const fieldNames = (connectorType: { sections: { fields: { name: string }[] }[] } | null | undefined) =>
  connectorType?.sections.flatMap((section) => section.fields.map((field) => field.name)) ?? [];

describe('the catalogue over HTTP', () => {
  it('lists at least ten connectors, each with a General section and locked credentials', async () => {
    const { status, data, errors } = await execute(server.url, ConnectorTypesDocument, {});
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    const types = data?.connectorTypes ?? [];
    expect(types.length).toBeGreaterThanOrEqual(10);
    for (const connectorType of types) {
      expect(connectorType.sections[0].kind).toBe('GENERAL');
      const general = connectorType.sections[0].fields;
      const credentials = general.filter((field) => looksSecret(field.name));
      for (const credential of credentials) expect(credential.locked).toBe(true);
      expect(connectorType.sections.flatMap((s) => s.fields).some((field) => field.locked)).toBe(true);
    }
  });

  it('returns sections in order and fields in their declared order', async () => {
    const { data } = await execute(server.url, ConnectorTypeDocument, { key: 'postgresql' });
    const sections = data?.connectorType?.sections ?? [];
    expect(sections.map((section) => section.kind)).toEqual([
      'GENERAL',
      'ADDITIONAL_OPTIONS',
      'ADVANCED_OPTIONS',
      'RELAY_OPTIONS',
    ]);
    for (const section of sections) {
      const orders = section.fields.map((field) => field.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    const password = sections[0].fields.find((field) => field.name === 'password');
    expect(password).toMatchObject({ type: 'SECRET', locked: true, required: true, defaultValue: null });
    const sslMode = sections[0].fields.find((field) => field.name === 'sslMode');
    expect(sslMode?.defaultValue).toBe('VERIFY_FULL');
    expect(sslMode?.options.map((option) => option.value)).toContain('VERIFY_CA');
    const caCertificate = sections[2].fields.find((field) => field.name === 'caCertificate');
    expect(caCertificate?.visibleWhen).toEqual({ field: 'sslMode', in: ['VERIFY_CA', 'VERIFY_FULL'] });
    expect(data?.connectorType?.relayCapable).toBe(true);
  });

  it('filters by category', async () => {
    const { data } = await execute(server.url, ConnectorTypesDocument, { category: 'identity' });
    expect(data?.connectorTypes.map((c) => c.key).sort()).toEqual(['microsoft-graph', 'okta']);
  });

  it('shows one connector differently to different integrations', async () => {
    const own = await execute(server.url, ConnectorTypeDocument, { key: 'microsoft-graph' });
    const provisioning = await execute(server.url, ConnectorTypeDocument, {
      key: 'microsoft-graph',
      integration: 'user-provisioning',
    });
    const exporting = await execute(server.url, ConnectorTypeDocument, {
      key: 'microsoft-graph',
      integration: 'file-export',
    });
    expect(fieldNames(own.data?.connectorType)).not.toContain('userFilter');
    expect(fieldNames(provisioning.data?.connectorType)).toContain('userFilter');
    expect(fieldNames(provisioning.data?.connectorType)).not.toContain('sharePointSiteUrl');
    expect(fieldNames(exporting.data?.connectorType)).toContain('sharePointSiteUrl');
    expect(fieldNames(exporting.data?.connectorType)).not.toContain('password');
    const site = exporting.data?.connectorType?.sections
      .flatMap((section) => section.fields)
      .find((field) => field.name === 'sharePointSiteUrl');
    expect(site?.required).toBe(true);
    expect(exporting.data?.connectorType?.integration).toBe('file-export');
    const probe = provisioning.data?.connectorType?.sections[1].fields.find((f) => f.name === 'permissionProbe');
    expect(probe?.defaultValue).toBe('USERS');
  });

  it('answers null for an unknown connector, and a clear error for a wrong integration', async () => {
    const unknown = await execute(server.url, ConnectorTypeDocument, { key: 'nope' });
    expect(unknown.data?.connectorType).toBeNull();
    expect(unknown.errors).toBeUndefined();

    const wrongIntegration = await execute(server.url, ConnectorTypeDocument, { key: 'ldap', integration: 'nope' });
    expect(wrongIntegration.errors?.[0]).toMatchObject({
      message: 'No integration has this key.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'integration' },
    });

    const notUsed = await execute(server.url, ConnectorTypeDocument, { key: 'ldap', integration: 'ticket-sync' });
    expect(notUsed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notUsed.errors?.[0].message).toContain('This integration does not use this connector');
  });

  it('lists integrations with the connectors they use', async () => {
    const { data } = await execute(server.url, IntegrationsDocument);
    const provisioning = data?.integrations.find((integration) => integration.key === 'user-provisioning');
    expect(provisioning?.connectorTypes.map((c) => c.key)).toContain('microsoft-graph');
    expect(provisioning?.connectorTypes.every((c) => c.integration === 'user-provisioning')).toBe(true);
  });

  it('returns the same SDL, with form directives, as the committed schema file', async () => {
    const internal = (await server.services.apiKeys.create(PLATFORM_TENANT, 'INTERNAL', 'tools', 'test')).key;
    const { data } = await execute(server.url, SchemaSdlDocument, {}, { authorization: `Bearer ${internal}` });
    const committed = readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(data?.schemaSdl).toBe(committed);
    expect(committed).toContain('@formField(label: "Password", section: GENERAL, type: SECRET');
  });

  it('serves queries over GET', async () => {
    const query = encodeURIComponent('{ connectorType(key: "sftp") { key name } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { connectorType: { key: 'sftp', name: 'SFTP server' } } });
  });

  it('answers a repeated catalogue GET with 304 Not Modified when the ETag matches', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ connectorTypes { key } }')}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(url, { headers: { ...headers, 'if-none-match': '"stale"' } });
    expect(changed.status).toBe(200);
  });

  it('puts no ETag on answers that are not public', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ connectorConfigs { pageInfo { hasNextPage } } }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('etag')).toBeNull();
  });

  it('refuses a broken query with a 400 and no internals', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ connectorTypes { nope } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('marks catalogue answers as publicly cacheable, and nothing with an error', async () => {
    const catalogue = await execute(server.url, ConnectorTypesDocument, {});
    expect(catalogue.headers.get('cache-control')).toBe('max-age=300, public');
    const failed = await execute(server.url, ConnectorTypeDocument, { key: 'ldap', integration: 'nope' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
