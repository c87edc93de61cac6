import type { Catalogue } from '../catalogue/catalogue';
import { type ConfigError, ConfigErrorCode, configError } from './config-errors';

/**
 * Typed settings as GraphQL delivers them (`ConnectorSettingsInput`, a @oneOf input): one
 * member, named after its connector (settingsMemberOf), holding that connector's values.
 */
export type TypedSettings = Readonly<Record<string, object | null | undefined>>;

/** The two ways a caller sends a form's values: a name → value map, or typed settings. */
export interface SettingsSubmission {
  /** The connector named outright (`connectorType`); typed settings name it themselves. */
  connectorKey?: string | null;
  /** Field name → value, as generic forms send. Locked fields carry plaintext. */
  values?: Record<string, unknown> | null;
  /** The same values, typed. */
  settings?: TypedSettings | null;
}

export interface ReadSubmission {
  connectorKey?: string;
  values?: Record<string, unknown>;
  /** Why the two ways disagree; nothing else may happen when this is not empty. */
  errors: ConfigError[];
}

/**
 * Reconciles the two ways of sending values: typed settings name their connector, which must
 * agree with `connectorKey` when both are given, and `values` may not come beside them.
 */
export function readSubmission(catalogue: Catalogue, submission: SettingsSubmission): ReadSubmission {
  const connectorKey = submission.connectorKey ?? undefined;
  if (!submission.settings) return { connectorKey, values: submission.values ?? undefined, errors: [] };
  const [member, given] =
    Object.entries(submission.settings).find(([, value]) => value !== undefined && value !== null) ?? [];
  const connector = member ? catalogue.connectorBySettingsMember(member) : undefined;
  // @oneOf and the schema built from the same catalogue make this unreachable from GraphQL.
  if (!connector || !given) {
    return {
      errors: [configError('settings', ConfigErrorCode.UNKNOWN_CONNECTOR, 'Typed settings name no known connector.')],
    };
  }
  const errors: ConfigError[] = [];
  if (submission.values) {
    errors.push(configError('settings', ConfigErrorCode.CONFLICTING_CHANGE, 'Send `values` or `settings`, not both.'));
  }
  if (connectorKey && connectorKey !== connector.key) {
    errors.push(
      configError(
        'connectorType',
        ConfigErrorCode.CONFLICTING_CHANGE,
        `The settings are for "${connector.key}", not the connector named in connectorType.`,
      ),
    );
  }
  // Input objects arrive as class instances; the validator takes plain values.
  const values = JSON.parse(JSON.stringify(given)) as Record<string, unknown>;
  return { connectorKey: connector.key, values, errors };
}
