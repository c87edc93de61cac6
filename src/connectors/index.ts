import { connectorDefinitionOf } from '../connector-kit/connector.decorator';
import type { ConnectorDefinition } from '../connector-kit/connector.definition';
import { JiraCloudSettings } from './jira-cloud.connector';
import { LdapSettings } from './ldap.connector';
import { MicrosoftGraphSettings } from './microsoft-graph.connector';
import { OktaSettings } from './okta.connector';
import { PostgresqlSettings } from './postgresql.connector';
import { RestApiSettings } from './rest-api.connector';
import { SalesforceSettings } from './salesforce.connector';
import { ServicenowSettings } from './servicenow.connector';
import { SftpSettings } from './sftp.connector';
import { SmtpSettings } from './smtp.connector';

/** Every connector Plugboard offers, in catalogue order. Adding one: its file, a line here, its test. */
export const CONNECTORS: ConnectorDefinition[] = [
  MicrosoftGraphSettings,
  OktaSettings,
  LdapSettings,
  SmtpSettings,
  SalesforceSettings,
  ServicenowSettings,
  JiraCloudSettings,
  RestApiSettings,
  PostgresqlSettings,
  SftpSettings,
].map(connectorDefinitionOf);
