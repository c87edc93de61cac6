import { v7 as uuidv7 } from 'uuid';
import {
  SCHEMA_VERSION,
  type StoredConfig,
  type StoredOAuthGrant,
  type StoredOAuthState,
  type StoredRelay,
} from '../../src/store/store.types';

export function aConfig(tenantId: string, overrides: Partial<StoredConfig> = {}): StoredConfig {
  const name = overrides.name ?? `Config ${Math.random().toString(36).slice(2, 8)}`;
  const at = new Date().toISOString();
  return {
    tenantId,
    id: uuidv7(),
    schemaVersion: SCHEMA_VERSION,
    name,
    nameLower: name.toLowerCase(),
    connectorKey: 'postgresql',
    connectorVersion: 1,
    integrationKey: null,
    values: { host: 'db.example.com' },
    secrets: {},
    clearedSecrets: {},
    relayId: null,
    createdAt: at,
    createdBy: 'test',
    updatedAt: at,
    updatedBy: 'test',
    version: 1,
    lastTest: null,
    ...overrides,
  };
}

export function aRelay(tenantId: string, overrides: Partial<StoredRelay> = {}): StoredRelay {
  return {
    tenantId,
    id: uuidv7(),
    schemaVersion: SCHEMA_VERSION,
    name: 'dc-1',
    createdAt: new Date().toISOString(),
    createdBy: 'test',
    tokenHash: '00'.repeat(32),
    revokedAt: null,
    testsRun: 0,
    testsFailed: 0,
    ...overrides,
  };
}

const sealed = { alg: 'A256GCM' as const, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' };

export function aGrant(
  tenantId: string,
  configId: string,
  overrides: Partial<StoredOAuthGrant> = {},
): StoredOAuthGrant {
  return {
    tenantId,
    id: configId,
    schemaVersion: SCHEMA_VERSION,
    field: 'authMethod',
    tokens: sealed,
    status: 'CONNECTED',
    grantedScopes: ['openid', 'offline_access'],
    accessTokenExpiresAt: '2026-12-03T06:00:00.000Z',
    providerValues: {},
    connectedAt: '2026-12-03T05:00:00.000Z',
    connectedBy: 'key:1',
    lastRefreshedAt: null,
    refreshStartedAt: null,
    lastError: null,
    revision: 1,
    ...overrides,
  };
}

export function anOAuthState(tenantId: string, overrides: Partial<StoredOAuthState> = {}): StoredOAuthState {
  return {
    tenantId,
    id: uuidv7(),
    schemaVersion: SCHEMA_VERSION,
    configId: uuidv7(),
    field: 'authMethod',
    actor: 'key:1',
    verifier: sealed,
    redirectUri: 'https://plugboard.example/oauth/callback',
    returnUrl: null,
    authorizationUrl: 'https://login.example/authorize?state=x',
    bindingHash: 'b'.repeat(64),
    openedAt: null,
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
    ...overrides,
  };
}
