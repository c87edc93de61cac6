import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ApiKeysDocument,
  AuditEventsDocument,
  ConnectorConfigDocument,
  ConnectorConfigsDocument,
  ConnectorRuntimeConfigDocument,
  ConnectorTypeDocument,
  ConnectorTypesDocument,
  CreateApiKeyDocument,
  CreateConnectorConfigDocument,
  DeleteConnectorConfigDocument,
  IntegrationsDocument,
  NodeDocument,
  RegisterRelayDocument,
  RelayDocument,
  RelaysDocument,
  RevokeApiKeyDocument,
  RevokeRelayDocument,
  RotateRelayTokenDocument,
  SchemaSdlDocument,
  TestConnectionDocument,
  UpdateConnectorConfigDocument,
} from '../../codegen/generated/graphql';
import { type Permission, PLATFORM_TENANT, type Role } from '../../src/auth/principal';
import { fromGlobalId } from '../../src/global-id';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * Every operation, with every role, against the caller's own tenant and another tenant.
 * Allowed or denied follows the role table in the README; another tenant's data always reads
 * as "not found" and is left unchanged.
 */

const OWN = 'acme';
const OTHER = 'globex';
const CANARY = 'canary-isolation-Pw-5c1d';
type Caller = Role | 'ANONYMOUS';
const CALLERS: Caller[] = ['ADMIN', 'EDITOR', 'VIEWER', 'RUNTIME', 'PARTNER', 'INTERNAL', 'ANONYMOUS'];

const PERMISSIONS_OF: Record<Caller, readonly (Permission | 'public')[]> = {
  ADMIN: ['public', 'configs:read', 'configs:write', 'admin'],
  EDITOR: ['public', 'configs:read', 'configs:write'],
  VIEWER: ['public', 'configs:read'],
  RUNTIME: ['public', 'runtime:read'],
  PARTNER: ['public', 'introspect'],
  INTERNAL: ['public', 'introspect', 'schema:read'],
  ANONYMOUS: ['public'],
};

/** One tenant's things, as its own admin created them. */
interface Fixture {
  configId: string;
  version: number;
  relayId: string;
  apiKeyId: string;
}

type Result = Awaited<ReturnType<typeof execute>>;
type Run = (target: Fixture, headers: Record<string, string>) => Promise<Result>;

interface Operation {
  name: string;
  needs: Permission | 'public';
  /** Whether the answer shows or acted on the target (for operations without a target: succeeded). */
  reached: (data: Record<string, unknown>, target: Fixture) => boolean;
  run: Run;
  /** Operations that change their target get fresh fixtures for each case. */
  consumes?: boolean;
  /** Operations with no target in a tenant (the catalogue, creations) run once per caller. */
  untargeted?: boolean;
}

let server: TestServer;
const adminOf: Record<string, Record<string, string>> = {};
const shared: Record<string, Fixture> = {};

const run = <R, V>(document: TypedDocumentNode<R, V>, variables: (target: Fixture) => V): Run => {
  return (target, headers) => execute(server.url, document, variables(target) as never, headers) as Promise<Result>;
};
const json = (value: unknown) => JSON.stringify(value ?? null);
const localId = (globalId: string) => fromGlobalId(globalId)?.localId ?? globalId;

const OPERATIONS: Operation[] = [
  {
    name: 'connectorTypes',
    needs: 'public',
    untargeted: true,
    run: run(ConnectorTypesDocument, () => ({})),
    reached: (data) => (data.connectorTypes as unknown[]).length > 0,
  },
  {
    name: 'connectorType',
    needs: 'public',
    untargeted: true,
    run: run(ConnectorTypeDocument, () => ({ key: 'postgresql' })),
    reached: (data) => data.connectorType !== null,
  },
  {
    name: 'integrations',
    needs: 'public',
    untargeted: true,
    run: run(IntegrationsDocument, () => ({})),
    reached: (data) => (data.integrations as unknown[]).length > 0,
  },
  {
    name: 'schemaSdl',
    needs: 'schema:read',
    untargeted: true,
    run: run(SchemaSdlDocument, () => ({})),
    reached: (data) => String(data.schemaSdl).includes('@formField'),
  },
  {
    name: 'connectorConfig',
    needs: 'configs:read',
    run: run(ConnectorConfigDocument, (target) => ({ id: target.configId })),
    reached: (data) => data.connectorConfig !== null,
  },
  {
    name: 'connectorConfigs',
    needs: 'configs:read',
    run: run(ConnectorConfigsDocument, () => ({ first: 100 })),
    reached: (data, target) => json(data).includes(target.configId),
  },
  {
    name: 'node',
    needs: 'configs:read',
    run: run(NodeDocument, (target) => ({ id: target.configId })),
    reached: (data) => data.node !== null,
  },
  {
    name: 'connectorRuntimeConfig',
    needs: 'runtime:read',
    run: run(ConnectorRuntimeConfigDocument, (target) => ({ id: target.configId })),
    reached: (data) => data.connectorRuntimeConfig !== null,
  },
  {
    name: 'relays',
    needs: 'configs:read',
    run: run(RelaysDocument, () => ({})),
    reached: (data, target) => json(data).includes(target.relayId),
  },
  {
    name: 'relay',
    needs: 'configs:read',
    run: run(RelayDocument, (target) => ({ id: target.relayId })),
    reached: (data) => data.relay !== null,
  },
  {
    name: 'apiKeys',
    needs: 'admin',
    run: run(ApiKeysDocument, () => ({})),
    reached: (data, target) => json(data).includes(target.apiKeyId),
  },
  {
    name: 'auditEvents',
    needs: 'admin',
    run: run(AuditEventsDocument, () => ({ first: 100 })),
    reached: (data, target) => json(data).includes(localId(target.configId)),
  },
  {
    name: 'createConnectorConfig',
    needs: 'configs:write',
    untargeted: true,
    run: run(CreateConnectorConfigDocument, () => ({
      input: { name: 'Matrix', connectorType: 'postgresql', values: postgres() },
    })),
    reached: (data) => json(data).includes('"errors":[]'),
  },
  {
    name: 'updateConnectorConfig',
    needs: 'configs:write',
    consumes: true,
    run: run(UpdateConnectorConfigDocument, (target) => ({
      input: { id: target.configId, expectedVersion: target.version, name: 'Renamed' },
    })),
    reached: (data) => json(data).includes('"errors":[]'),
  },
  {
    name: 'deleteConnectorConfig',
    needs: 'configs:write',
    consumes: true,
    run: run(DeleteConnectorConfigDocument, (target) => ({
      input: { id: target.configId, expectedVersion: target.version },
    })),
    reached: (data) => json(data).includes('"errors":[]'),
  },
  {
    name: 'testConnection',
    needs: 'configs:write',
    run: run(TestConnectionDocument, (target) => ({
      input: { connectorType: 'postgresql', configId: target.configId, values: { password: CANARY } },
    })),
    // A test of one's own config runs (and fails: nothing listens); another's is refused.
    reached: (data) => !json(data).includes('"field":"configId"'),
  },
  {
    name: 'createApiKey',
    needs: 'admin',
    untargeted: true,
    run: run(CreateApiKeyDocument, () => ({ input: { name: 'matrix', role: 'VIEWER' as const } })),
    reached: (data) => json(data).includes('"errors":[]'),
  },
  {
    name: 'revokeApiKey',
    needs: 'admin',
    consumes: true,
    run: run(RevokeApiKeyDocument, (target) => ({ id: target.apiKeyId })),
    reached: (data) => json(data).includes('"errors":[]'),
  },
  {
    name: 'registerRelay',
    needs: 'admin',
    untargeted: true,
    run: run(RegisterRelayDocument, () => ({ input: { name: 'matrix-relay' } })),
    reached: (data) => json(data).includes('pbr_'),
  },
  {
    name: 'rotateRelayToken',
    needs: 'admin',
    consumes: true,
    run: run(RotateRelayTokenDocument, (target) => ({ id: target.relayId })),
    reached: (data) => json(data).includes('pbr_'),
  },
  {
    name: 'revokeRelay',
    needs: 'admin',
    consumes: true,
    run: run(RevokeRelayDocument, (target) => ({ id: target.relayId })),
    reached: (data) => json(data).includes('"errors":[]'),
  },
];

function postgres() {
  // Port 9 on loopback: nothing listens, so a test that runs fails fast.
  return { host: '127.0.0.1', port: 9, database: 'crm', username: 'svc', password: CANARY };
}

async function seed(tenantId: string): Promise<Fixture> {
  const admin = adminOf[tenantId];
  const created = await execute(
    server.url,
    CreateConnectorConfigDocument,
    { input: { name: `${tenantId} warehouse`, connectorType: 'postgresql', values: postgres() } },
    admin,
  );
  const relay = await execute(server.url, RegisterRelayDocument, { input: { name: `${tenantId} relay` } }, admin);
  const key = await server.services.apiKeys.create(tenantId, 'VIEWER', 'fixture', 'test');
  const config = created.data?.createConnectorConfig.config;
  const relayId = relay.data?.registerRelay.relay?.id;
  if (!config || !relayId) throw new Error(`could not seed ${tenantId}: ${json(created.errors ?? relay.errors)}`);
  return { configId: config.id, version: config.version, relayId, apiKeyId: key.record.id };
}

/** What the other tenant's own admin sees of its fixture afterwards: it must be untouched. */
async function intact(target: Fixture): Promise<boolean> {
  const admin = adminOf[OTHER];
  const config = await execute(server.url, ConnectorConfigDocument, { id: target.configId }, admin);
  const relay = await execute(server.url, RelayDocument, { id: target.relayId }, admin);
  const keys = await execute(server.url, ApiKeysDocument, {}, admin);
  const key = keys.data?.apiKeys.find((candidate) => candidate.id === target.apiKeyId);
  return (
    config.data?.connectorConfig?.version === target.version &&
    config.data.connectorConfig.name === `${OTHER} warehouse` &&
    relay.data?.relay !== null &&
    relay.data?.relay?.revokedAt === null &&
    key?.revokedAt === null
  );
}

async function headersOf(caller: Caller): Promise<Record<string, string>> {
  if (caller === 'ANONYMOUS') return {};
  const tenantId = caller === 'PARTNER' || caller === 'INTERNAL' ? PLATFORM_TENANT : OWN;
  return bearer((await server.services.apiKeys.create(tenantId, caller, `${caller} matrix key`, 'test')).key);
}

beforeAll(async () => {
  server = await startTestServer({ PLUGBOARD_RATE_LIMIT_PER_MINUTE: '100000' });
  for (const tenantId of [OWN, OTHER]) {
    adminOf[tenantId] = bearer((await server.services.apiKeys.create(tenantId, 'ADMIN', 'seed', 'test')).key);
    shared[tenantId] = await seed(tenantId);
  }
});

afterAll(async () => {
  await server.stop();
});

const cases = CALLERS.flatMap((caller) =>
  OPERATIONS.flatMap((operation) =>
    (operation.untargeted ? ['own'] : ['own', 'other']).map((side) => ({ caller, operation, side })),
  ),
);

describe('tenant isolation matrix', () => {
  it.each(cases)('$caller → $operation.name on the $side tenant', async ({ caller, operation, side }) => {
    const tenantId = side === 'own' ? OWN : OTHER;
    const target = operation.consumes ? await seed(tenantId) : shared[tenantId];
    const { data, errors } = await operation.run(target, await headersOf(caller));
    const allowed = PERMISSIONS_OF[caller].includes(operation.needs);

    if (!allowed) {
      expect(errors?.[0]?.extensions?.code).toBe(caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      // Nullable fields answer null, non-null ones null out the whole data.
      expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
    } else {
      expect(errors).toBeUndefined();
      // Allowed on one's own tenant reaches the target; on another tenant it reads as not found.
      expect(operation.reached(data as Record<string, unknown>, target)).toBe(side === 'own');
    }
    if (side === 'other') expect(await intact(target)).toBe(true);
  });

  it('never logs a locked value', async () => {
    expect(server.logs()).not.toContain(CANARY);
  });
});
