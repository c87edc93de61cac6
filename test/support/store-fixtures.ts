import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type StoredConfig, type StoredRelay } from '../../src/store/store.types';

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
