import type { ClassType } from 'type-graphql';
import type { FormFieldDefinition } from '../forms/form-field.definition';
import type { AuthorizationCodeFlow } from './authorization-code';
import type { ConnectionTestPlan } from './connection-test.plan';

/** The groups the catalogue can be filtered by. */
export type ConnectorCategory =
  | 'identity'
  | 'email'
  | 'directory'
  | 'crm'
  | 'itsm'
  | 'http'
  | 'database'
  | 'file-transfer'
  | 'project-management';

/** What a connector author writes in `@Connector({ … })`. */
export interface ConnectorOptions {
  /** Stable, kebab-case; part of the public contract. Never change it once published. */
  key: string;
  name: string;
  description: string;
  category: ConnectorCategory;
  /** The version of the settings shape. Raise it when stored settings need migrating. */
  version: number;
  documentationUrl?: string;
  connectionTest: ConnectionTestPlan;
  /** Delegated access through the provider's consent screen, where the connector offers it. */
  authorizationCode?: AuthorizationCodeFlow;
}

/** A connector as the catalogue holds it. */
export interface ConnectorDefinition extends ConnectorOptions {
  /** The type-graphql object type of its settings; locked fields read as `SecretState`. */
  settingsClass: ClassType;
  /** The generated input type that writes its settings. */
  settingsInputClass: ClassType;
  fields: FormFieldDefinition[];
}

/**
 * A connector's member in typed settings (`ConnectorSettingsInput`): its key in camelCase, so
 * `microsoft-graph` is `microsoftGraph`.
 */
export function settingsMemberOf(connectorKey: string): string {
  return connectorKey.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
