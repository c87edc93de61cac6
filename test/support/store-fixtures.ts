import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type StoredConfig } from '../../src/store/store.types';

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
