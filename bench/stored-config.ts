import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type StoredConfig } from '../src/store/store.types';

/** A stored config for store-level scenarios, in tenant `bench`, as Plugboard would write it. */
export function benchConfig(name: string, overrides: Partial<StoredConfig> = {}): StoredConfig {
  const at = new Date().toISOString();
  return {
    tenantId: 'bench',
    id: uuidv7(),
    schemaVersion: SCHEMA_VERSION,
    name,
    nameLower: name.toLowerCase(),
    connectorKey: 'postgresql',
    connectorVersion: 1,
    integrationKey: null,
    values: { host: 'db.example.com', database: 'analytics', username: 'svc' },
    secrets: {},
    clearedSecrets: {},
    relayId: null,
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: 'bench',
    version: 1,
    lastTest: null,
    ...overrides,
  };
}
