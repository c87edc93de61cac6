import { type ConnectorDefinition, settingsMemberOf } from '../connector-kit/connector.definition';
import type { FormFieldDefinition } from '../forms/form-field.definition';
import { applyOverlay } from '../forms/form-overlay';
import type { IntegrationDefinition } from '../integrations/integration.definition';
import { catalogueProblems } from './catalogue.validation';

/** A connector's form as one integration (or none) shows it. */
export interface ConnectorForm {
  connector: ConnectorDefinition;
  integration?: IntegrationDefinition;
  fields: FormFieldDefinition[];
}

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`The connector catalogue is inconsistent:\n- ${problems.join('\n- ')}`);
  }
}

export type FormLookup =
  | { found: true; form: ConnectorForm }
  | { found: false; reason: 'UNKNOWN_CONNECTOR' | 'UNKNOWN_INTEGRATION' | 'CONNECTOR_NOT_IN_INTEGRATION' };

/**
 * The connectors and integrations Plugboard offers. Immutable once built: it checks itself at
 * construction, so a server never starts with a rule or overlay that points nowhere.
 */
export class Catalogue {
  private readonly connectorsByKey: ReadonlyMap<string, ConnectorDefinition>;
  private readonly integrationsByKey: ReadonlyMap<string, IntegrationDefinition>;
  private readonly connectorsBySettingsMember: ReadonlyMap<string, ConnectorDefinition>;

  constructor(connectors: ConnectorDefinition[], integrations: IntegrationDefinition[]) {
    const problems = catalogueProblems(connectors, integrations);
    if (problems.length) throw new CatalogueError(problems);
    this.connectorsByKey = new Map(connectors.map((connector) => [connector.key, connector]));
    this.connectorsBySettingsMember = new Map(
      connectors.map((connector) => [settingsMemberOf(connector.key), connector]),
    );
    this.integrationsByKey = new Map(integrations.map((integration) => [integration.key, integration]));
  }

  connectors(category?: string | null): ConnectorDefinition[] {
    const all = [...this.connectorsByKey.values()];
    return category ? all.filter((connector) => connector.category === category) : all;
  }

  connector(key: string): ConnectorDefinition | undefined {
    return this.connectorsByKey.get(key);
  }

  /** The connector a member of typed settings names (see settingsMemberOf). */
  connectorBySettingsMember(member: string): ConnectorDefinition | undefined {
    return this.connectorsBySettingsMember.get(member);
  }

  /** Every locked field name of every connector: what logs must never show a value under. */
  lockedFieldNames(): Set<string> {
    return new Set(
      this.connectors().flatMap((connector) => connector.fields.filter((f) => f.locked).map((f) => f.name)),
    );
  }

  integrations(): IntegrationDefinition[] {
    return [...this.integrationsByKey.values()];
  }

  integration(key: string): IntegrationDefinition | undefined {
    return this.integrationsByKey.get(key);
  }

  /** The form of a connector as an integration shows it; without one, the connector's own form. */
  form(connectorKey: string, integrationKey?: string | null): FormLookup {
    const connector = this.connectorsByKey.get(connectorKey);
    if (!connector) return { found: false, reason: 'UNKNOWN_CONNECTOR' };
    if (!integrationKey) return { found: true, form: { connector, fields: applyOverlay(connector.fields) } };
    const integration = this.integrationsByKey.get(integrationKey);
    if (!integration) return { found: false, reason: 'UNKNOWN_INTEGRATION' };
    const overlay = integration.connectors[connectorKey];
    if (!overlay) return { found: false, reason: 'CONNECTOR_NOT_IN_INTEGRATION' };
    return { found: true, form: { connector, integration, fields: applyOverlay(connector.fields, overlay) } };
  }
}
