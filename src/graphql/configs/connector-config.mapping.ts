import { toGlobalId } from '../../global-id';
import type { StoredConfig } from '../../store/store.types';
import type { Timestamp } from '../../timestamp';
import { ConnectorConfig } from './connector-config.type';

/**
 * A stored config as the schema shows it. Plain fields are mapped here; its connector, typed
 * settings, locked-field states and relay are field resolvers (they need the catalogue or a
 * loader), reading `record`.
 */
export function toConnectorConfig(record: StoredConfig): ConnectorConfig {
  return Object.assign(new ConnectorConfig(), {
    id: toGlobalId('ConnectorConfig', record.id),
    name: record.name,
    connectorVersion: record.connectorVersion,
    values: record.values,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    version: record.version,
    lastTest: record.lastTest,
    record,
  });
}

export function toConnectorConfigOrNull(record: StoredConfig | undefined): ConnectorConfig | null {
  return record ? toConnectorConfig(record) : null;
}

/** Whether a locked field of a config holds a value, and who last set or cleared it. Never the value. */
export function secretStateOf(
  record: StoredConfig,
  field: string,
): { isSet: boolean; updatedAt: Timestamp | null; updatedBy: string | null } {
  const stored = record.secrets[field] ?? record.clearedSecrets[field];
  return {
    isSet: field in record.secrets,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}
