import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiKeysDocument,
  AuditEventsDocument,
  ConnectorConfigDocument,
  ConnectorConfigsDocument,
  ConnectorRuntimeConfigDocument,
  CreateApiKeyDocument,
  CreateConnectorConfigDocument,
  DeleteConnectorConfigDocument,
  NodeDocument,
  RevokeApiKeyDocument,
  UpdateConnectorConfigDocument,
} from '../../codegen/generated/graphql';
import { execute } from '../support/graphql-client';
import { aRelay } from '../support/store-fixtures';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/** Values planted in locked fields; they must never come back out, anywhere. */
const CANARY = 'canary-Pa55w0rd-7f3e1c';
const CANARY_2 = 'canary-second-9a8b7c';

let server: TestServer;
let admin: Record<string, string>;

const postgres = (overrides: Record<string, unknown> = {}) => ({
  host: 'db.example.com',
  database: 'analytics',
  username: 'svc',
  password: CANARY,
  ...overrides,
});

async function keyFor(tenantId: string, role: 'ADMIN' | 'EDITOR' | 'VIEWER' | 'RUNTIME') {
  return bearer((await server.services.apiKeys.create(tenantId, role, `${role} test key`, 'test')).key);
}

async function create(
  headers: Record<string, string>,
  values: Record<string, unknown> = postgres(),
  name = 'Warehouse',
) {
  const result = await execute(
    server.url,
    CreateConnectorConfigDocument,
    { input: { name, connectorType: 'postgresql', values } },
    headers,
  );
  return result;
}

async function createOk(headers: Record<string, string> = admin, values?: Record<string, unknown>, name?: string) {
  const { data, errors } = await create(headers, values, name);
  expect(errors).toBeUndefined();
  expect(data?.createConnectorConfig.errors).toEqual([]);
  const config = data?.createConnectorConfig.config;
  if (!config) throw new Error('no config');
  return config;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = bearer(server.adminKey);
});

afterAll(async () => {
  await server.stop();
});

describe('signing in', () => {
  it('asks anonymous callers to sign in', async () => {
    const { data, errors } = await execute(server.url, ConnectorConfigsDocument, {});
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed or unknown key with 401', async () => {
    for (const key of ['nope', 'pbk_default.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const result = await execute(server.url, ConnectorConfigsDocument, {}, bearer(key));
      expect(result.status).toBe(401);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await keyFor('default', 'VIEWER');
    expect((await execute(server.url, ConnectorConfigsDocument, {}, viewer)).errors).toBeUndefined();
    const { errors } = await create(viewer);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('saving a config', () => {
  it('saves from a name → value map, and shows locked fields only as set or not', async () => {
    const config = await createOk(admin, postgres({ port: 6432 }));
    expect(config).toMatchObject({
      name: 'Warehouse',
      version: 1,
      connectorVersion: 1,
      connectorType: { key: 'postgresql', integration: null },
      values: {
        host: 'db.example.com',
        port: 6432,
        database: 'analytics',
        username: 'svc',
        sslMode: 'VERIFY_FULL',
        schema: 'public',
      },
    });
    expect(config.values).not.toHaveProperty('password');
    expect(config.lockedFields).toEqual([
      { field: 'password', isSet: true, updatedAt: expect.any(String), updatedBy: expect.stringMatching(/^api-key:/) },
      { field: 'clientPrivateKey', isSet: false, updatedAt: null, updatedBy: null },
    ]);
    const { data } = await execute(server.url, ConnectorConfigDocument, { id: config.id }, admin);
    expect(data?.connectorConfig?.settings).toEqual({
      __typename: 'PostgresqlSettings',
      host: 'db.example.com',
      port: 6432,
      sslMode: 'VERIFY_FULL',
      password: { isSet: true, updatedAt: expect.any(String), updatedBy: expect.any(String) },
    });
  });

  it('saves from typed settings, through the same validation', async () => {
    const { data } = await execute(
      server.url,
      CreateConnectorConfigDocument,
      {
        input: {
          name: 'Typed',
          settings: { postgresql: { host: 'db2.example.com', database: 'd', username: 'u', password: CANARY } },
        },
      },
      admin,
    );
    expect(data?.createConnectorConfig.errors).toEqual([]);
    expect(data?.createConnectorConfig.config?.connectorType.key).toBe('postgresql');

    const invalid = await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { name: 'Typed', settings: { postgresql: { host: 'db2.example.com', port: 70000 } } } },
      admin,
    );
    expect(invalid.data?.createConnectorConfig.errors.map((e) => [e.field, e.code])).toEqual([
      ['database', 'REQUIRED'],
      ['username', 'REQUIRED'],
      ['password', 'REQUIRED'],
      ['port', 'TOO_LARGE'],
    ]);
  });

  it('takes exactly one typed member (@oneOf), and not values and settings together', async () => {
    const two = await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { name: 'Two', settings: { postgresql: { host: 'a' }, sftp: { host: 'b' } } as never } },
      admin,
    );
    expect(two.status).toBe(400);
    expect(two.errors?.[0].message).toContain('Exactly one key must be specified');
    const both = await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { name: 'Both', values: postgres(), settings: { postgresql: postgres() } } },
      admin,
    );
    expect(both.data?.createConnectorConfig.errors.map((e) => e.code)).toEqual(['CONFLICTING_CHANGE']);
  });

  it('returns every problem at once and saves nothing', async () => {
    const before = await execute(server.url, ConnectorConfigsDocument, { first: 100 }, admin);
    const { data } = await create(
      admin,
      { host: 'not a host!', port: 'x', sslMode: 'MAYBE', bogus: 1, clientCertificate: 'nope' },
      ' ',
    );
    const problems = data?.createConnectorConfig.errors.map((e) => [e.field, e.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['name', 'REQUIRED'],
        ['bogus', 'UNKNOWN_FIELD'],
        ['database', 'REQUIRED'],
        ['username', 'REQUIRED'],
        ['password', 'REQUIRED'],
        ['host', 'PATTERN_MISMATCH'],
        ['port', 'WRONG_TYPE'],
        ['sslMode', 'NOT_AN_OPTION'],
        ['clientCertificate', 'PATTERN_MISMATCH'],
      ]),
    );
    expect(data?.createConnectorConfig.config).toBeNull();
    const after = await execute(server.url, ConnectorConfigsDocument, { first: 100 }, admin);
    expect(after.data?.connectorConfigs.edges.length).toBe(before.data?.connectorConfigs.edges.length);
  });

  it('does not keep values of fields its rules hide', async () => {
    const config = await createOk(
      admin,
      postgres({ sslMode: 'DISABLE', caCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }),
    );
    expect(config.values).not.toHaveProperty('caCertificate');
  });

  it('refuses a relay that does not exist or was revoked, on the relay field', async () => {
    const revoked = aRelay('default', { name: 'old-dc', revokedAt: new Date().toISOString() });
    await server.services.store.relays.create(revoked);
    const unknown = await create(admin, postgres({ relayId: aRelay('default').id }));
    expect(unknown.data?.createConnectorConfig.errors).toEqual([
      expect.objectContaining({ field: 'relayId', code: 'UNKNOWN_RELAY' }),
    ]);
    const gone = await create(admin, postgres({ relayId: revoked.id }));
    expect(gone.data?.createConnectorConfig).toMatchObject({
      config: null,
      errors: [{ field: 'relayId', code: 'RELAY_REVOKED', message: expect.stringContaining('"old-dc" was revoked') }],
    });
  });

  it("applies the integration's overlay", async () => {
    const { data } = await execute(
      server.url,
      CreateConnectorConfigDocument,
      {
        input: {
          name: 'Export',
          connectorType: 'sftp',
          integration: 'file-export',
          values: { host: 'h', username: 'u', privateKey: 'x', hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` },
        },
      },
      admin,
    );
    expect(data?.createConnectorConfig.errors).toEqual([
      expect.objectContaining({ field: 'privateKey', code: 'PATTERN_MISMATCH' }),
    ]);
    const unknown = await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { name: 'X', connectorType: 'ldap', integration: 'ticket-sync', values: {} } },
      admin,
    );
    expect(unknown.data?.createConnectorConfig.errors.map((e) => e.code)).toEqual(['CONNECTOR_NOT_IN_INTEGRATION']);
  });
});

describe('updating a config', () => {
  it('keeps an omitted locked field, replaces a given one, and clears only on request', async () => {
    const config = await createOk();
    const kept = await execute(
      server.url,
      UpdateConnectorConfigDocument,
      {
        input: {
          id: config.id,
          expectedVersion: 1,
          values: { ...postgres(), password: undefined, host: 'db3.example.com' },
        },
      },
      admin,
    );
    expect(kept.data?.updateConnectorConfig.errors).toEqual([]);
    const v2 = kept.data?.updateConnectorConfig.config;
    expect(v2?.version).toBe(2);
    expect(v2?.values.host).toBe('db3.example.com');
    expect(v2?.lockedFields[0]).toMatchObject({ field: 'password', isSet: true });

    const replaced = await execute(
      server.url,
      UpdateConnectorConfigDocument,
      { input: { id: config.id, expectedVersion: 2, values: postgres({ password: CANARY_2 }) } },
      admin,
    );
    expect(replaced.data?.updateConnectorConfig.config?.version).toBe(3);

    const clearRequired = await execute(
      server.url,
      UpdateConnectorConfigDocument,
      { input: { id: config.id, expectedVersion: 3, clearLockedFields: ['password'] } },
      admin,
    );
    expect(clearRequired.data?.updateConnectorConfig.errors.map((e) => [e.field, e.code])).toEqual([
      ['password', 'REQUIRED'],
    ]);

    const conflicting = await execute(
      server.url,
      UpdateConnectorConfigDocument,
      {
        input: {
          id: config.id,
          expectedVersion: 3,
          values: postgres(),
          clearLockedFields: ['password', 'host', 'nope'],
        },
      },
      admin,
    );
    expect(conflicting.data?.updateConnectorConfig.errors.map((e) => [e.field, e.code])).toEqual([
      ['password', 'CONFLICTING_CHANGE'],
      ['host', 'NOT_LOCKED'],
      ['nope', 'UNKNOWN_FIELD'],
    ]);
  });

  it('clears an optional locked field on request', async () => {
    const config = await createOk(
      admin,
      postgres({
        clientCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        clientPrivateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
      }),
    );
    expect(config.lockedFields.find((f) => f.field === 'clientPrivateKey')?.isSet).toBe(true);
    const { data } = await execute(
      server.url,
      UpdateConnectorConfigDocument,
      {
        input: {
          id: config.id,
          expectedVersion: 1,
          values: postgres({ password: undefined }),
          clearLockedFields: ['clientPrivateKey'],
        },
      },
      admin,
    );
    expect(data?.updateConnectorConfig.errors).toEqual([]);
    expect(data?.updateConnectorConfig.config?.lockedFields.find((f) => f.field === 'clientPrivateKey')).toMatchObject({
      isSet: false,
      updatedAt: expect.any(String),
    });
  });

  it('refuses a stale version with the current one, and lets one of two concurrent writers win', async () => {
    const config = await createOk();
    const rename = (name: string, expectedVersion: number) =>
      execute(server.url, UpdateConnectorConfigDocument, { input: { id: config.id, expectedVersion, name } }, admin);
    const results = await Promise.all([rename('A', 1), rename('B', 1), rename('C', 1)]);
    const winners = results.filter((r) => r.data?.updateConnectorConfig.errors.length === 0);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r !== winners[0])) {
      expect(loser.data?.updateConnectorConfig.errors).toEqual([
        expect.objectContaining({ field: 'expectedVersion', code: 'VERSION_CONFLICT', currentVersion: 2 }),
      ]);
    }
    const stale = await execute(
      server.url,
      DeleteConnectorConfigDocument,
      { input: { id: config.id, expectedVersion: 1 } },
      admin,
    );
    expect(stale.data?.deleteConnectorConfig.errors[0]).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const deleted = await execute(
      server.url,
      DeleteConnectorConfigDocument,
      { input: { id: config.id, expectedVersion: 2 } },
      admin,
    );
    expect(deleted.data?.deleteConnectorConfig).toEqual({ deletedId: config.id, errors: [] });
    expect(
      (await execute(server.url, ConnectorConfigDocument, { id: config.id }, admin)).data?.connectorConfig,
    ).toBeNull();
  });
});

describe('tenancy', () => {
  it("answers another tenant's config exactly like a missing one", async () => {
    const mine = await createOk();
    const other = await keyFor('beta', 'ADMIN');
    const missing = Buffer.from('ConnectorConfig:0190b3c0-0000-7000-8000-000000000000').toString('base64url');

    for (const id of [mine.id, missing]) {
      expect((await execute(server.url, ConnectorConfigDocument, { id }, other)).data?.connectorConfig).toBeNull();
      expect((await execute(server.url, NodeDocument, { id }, other)).data?.node).toBeNull();
      const update = await execute(
        server.url,
        UpdateConnectorConfigDocument,
        { input: { id, expectedVersion: 1, name: 'x' } },
        other,
      );
      expect(update.data?.updateConnectorConfig.errors).toEqual([
        { field: 'id', code: 'NOT_FOUND', message: 'No config has this id.', currentVersion: null },
      ]);
      const remove = await execute(
        server.url,
        DeleteConnectorConfigDocument,
        { input: { id, expectedVersion: 1 } },
        other,
      );
      expect(remove.data?.deleteConnectorConfig.errors).toEqual([
        { field: 'id', code: 'NOT_FOUND', message: 'No config has this id.', currentVersion: null },
      ]);
    }
    const listed = await execute(server.url, ConnectorConfigsDocument, { first: 100 }, other);
    expect(listed.data?.connectorConfigs.edges.map((e) => e.node.id)).not.toContain(mine.id);
    expect(
      (await execute(server.url, ConnectorConfigDocument, { id: mine.id }, admin)).data?.connectorConfig?.name,
    ).toBe('Warehouse');
  });
});

describe('listing', () => {
  it('pages and filters', async () => {
    const tenant = await keyFor('gamma', 'EDITOR');
    for (const name of ['Alpha db', 'Beta db', 'Gamma db']) await createOk(tenant, postgres(), name);
    const first = await execute(server.url, ConnectorConfigsDocument, { first: 2 }, tenant);
    expect(first.data?.connectorConfigs.edges.map((e) => e.node.name)).toEqual(['Alpha db', 'Beta db']);
    expect(first.data?.connectorConfigs.pageInfo.hasNextPage).toBe(true);
    const next = await execute(
      server.url,
      ConnectorConfigsDocument,
      { first: 2, after: first.data?.connectorConfigs.pageInfo.endCursor },
      tenant,
    );
    expect(next.data?.connectorConfigs.edges.map((e) => e.node.name)).toEqual(['Gamma db']);
    expect(next.data?.connectorConfigs.pageInfo.hasNextPage).toBe(false);
    const filtered = await execute(
      server.url,
      ConnectorConfigsDocument,
      { filter: { nameContains: 'BETA', connectorType: 'postgresql' } },
      tenant,
    );
    expect(filtered.data?.connectorConfigs.edges.map((e) => e.node.name)).toEqual(['Beta db']);
  });

  it("pages backward with last and before, with the whole of Relay's PageInfo", async () => {
    const tenant = await keyFor('backward-paging', 'EDITOR');
    for (const name of ['One', 'Two', 'Three']) await createOk(tenant, postgres(), name);
    const last = await execute(server.url, ConnectorConfigsDocument, { last: 2 }, tenant);
    expect(last.data?.connectorConfigs.edges.map((e) => e.node.name)).toEqual(['Two', 'Three']);
    expect(last.data?.connectorConfigs.pageInfo).toMatchObject({
      hasPreviousPage: true,
      hasNextPage: false,
      startCursor: last.data?.connectorConfigs.edges[0].cursor,
      endCursor: last.data?.connectorConfigs.edges[1].cursor,
    });
    const before = await execute(
      server.url,
      ConnectorConfigsDocument,
      { last: 2, before: last.data?.connectorConfigs.pageInfo.startCursor },
      tenant,
    );
    expect(before.data?.connectorConfigs.edges.map((e) => e.node.name)).toEqual(['One']);
    expect(before.data?.connectorConfigs.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const mixed = await execute(server.url, ConnectorConfigsDocument, { first: 1, last: 1 }, tenant);
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'Give first or last, not both.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('the runtime path', () => {
  it('gives the runtime role decrypted values, audits it, and no one else', async () => {
    const config = await createOk(admin, postgres(), 'Runtime target');
    const runtime = await keyFor('default', 'RUNTIME');
    const { data } = await execute(server.url, ConnectorRuntimeConfigDocument, { id: config.id }, runtime);
    expect(data?.connectorRuntimeConfig).toMatchObject({
      id: config.id,
      connectorType: 'postgresql',
      values: { host: 'db.example.com', password: CANARY },
    });
    const denied = await execute(server.url, ConnectorRuntimeConfigDocument, { id: config.id }, admin);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const runtimeCannotList = await execute(server.url, ConnectorConfigsDocument, {}, runtime);
    expect(runtimeCannotList.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const audit = await execute(server.url, AuditEventsDocument, { first: 5 }, admin);
    expect(audit.data?.auditEvents.edges[0].node).toMatchObject({
      action: 'config.runtime-read',
      targetId: expect.any(String),
      fields: ['password'],
    });
    expect(server.logs()).not.toContain(CANARY);
  });
});

describe('API keys through GraphQL', () => {
  it('an admin creates a key (shown once), lists it without the key, and revokes it at once', async () => {
    const created = await execute(server.url, CreateApiKeyDocument, { input: { name: 'ci', role: 'EDITOR' } }, admin);
    const key = created.data?.createApiKey.key as string;
    expect(key).toMatch(/^pbk_default\.[0-9a-f]{16}\./);
    const listed = await execute(server.url, ApiKeysDocument, {}, admin);
    expect(JSON.stringify(listed.data)).not.toContain(key);
    expect((await execute(server.url, ConnectorConfigsDocument, {}, bearer(key))).errors).toBeUndefined();
    const revoked = await execute(
      server.url,
      RevokeApiKeyDocument,
      { id: created.data?.createApiKey.apiKey?.id as string },
      admin,
    );
    expect(revoked.data?.revokeApiKey.errors).toEqual([]);
    expect((await execute(server.url, ConnectorConfigsDocument, {}, bearer(key))).status).toBe(401);
    const editor = await keyFor('default', 'EDITOR');
    expect((await execute(server.url, ApiKeysDocument, {}, editor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('records who created, changed (field names only) and deleted what', async () => {
    const tenant = await keyFor('delta', 'ADMIN');
    const config = await createOk(tenant);
    await execute(
      server.url,
      UpdateConnectorConfigDocument,
      {
        input: {
          id: config.id,
          expectedVersion: 1,
          values: postgres({ host: 'other.example.com', password: CANARY_2 }),
        },
      },
      tenant,
    );
    await execute(server.url, DeleteConnectorConfigDocument, { input: { id: config.id, expectedVersion: 2 } }, tenant);
    const { data } = await execute(server.url, AuditEventsDocument, { first: 10 }, tenant);
    const events = data?.auditEvents.edges.map((e) => [e.node.action, e.node.fields]);
    expect(events).toEqual([
      ['config.deleted', []],
      ['config.updated', ['host', 'password']],
      ['config.created', ['database', 'host', 'password', 'port', 'schema', 'sslMode', 'username']],
    ]);
  });
});

describe('secrets at rest', () => {
  it('never shows a canary in any response, log line, or byte of the SQLite files', async () => {
    const config = await createOk(admin, postgres(), 'Canary check');
    const responses = [
      await execute(server.url, ConnectorConfigDocument, { id: config.id }, admin),
      await execute(server.url, ConnectorConfigsDocument, { first: 100 }, admin),
      await execute(server.url, AuditEventsDocument, { first: 100 }, admin),
      await create(admin, postgres({ port: 'bad' })),
    ];
    for (const response of responses) expect(JSON.stringify(response)).not.toContain(CANARY);
    expect(server.logs()).not.toContain(CANARY);
    expect(server.logs()).not.toContain(CANARY_2);
    for (const file of readdirSync(server.dataDir)) {
      const bytes = readFileSync(join(server.dataDir, file));
      for (const canary of [CANARY, CANARY_2]) {
        expect({ file, found: bytes.includes(canary) }).toEqual({ file, found: false });
        expect({ file, found: bytes.includes(Buffer.from(canary, 'utf16le')) }).toEqual({ file, found: false });
      }
    }
  });
});
