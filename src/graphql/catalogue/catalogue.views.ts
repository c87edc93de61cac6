import type { Catalogue, ConnectorForm } from '../../catalogue/catalogue';
import { FormSectionKind, SECTION_ORDER } from '../../forms/form.enums';
import type { FormFieldDefinition } from '../../forms/form-field.definition';
import { SECTION_TEXT } from '../../forms/form-sections';
import type { ConnectorType, FormSection } from './connector-type.type';
import type { FormField } from './form-field.type';
import type { Integration } from './integration.type';

function toFormField(field: FormFieldDefinition): FormField {
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    section: field.section,
    required: field.required,
    locked: field.locked,
    helpText: field.helpText,
    placeholder: field.placeholder,
    defaultValue: field.defaultValue,
    options: field.options,
    validation: field.validation,
    visibleWhen: field.visibleWhen,
    requiredWhen: field.requiredWhen,
    order: field.order,
  };
}

function toSections(fields: FormFieldDefinition[]): FormSection[] {
  return SECTION_ORDER.flatMap((kind) => {
    const inSection = fields.filter((field) => field.section === kind).sort((a, b) => a.order - b.order);
    return inSection.length ? [{ kind, ...SECTION_TEXT[kind], fields: inSection.map(toFormField) }] : [];
  });
}

function toConnectorType({ connector, integration, fields }: ConnectorForm): ConnectorType {
  return {
    key: connector.key,
    name: connector.name,
    description: connector.description,
    category: connector.category,
    version: connector.version,
    documentationUrl: connector.documentationUrl,
    integration: integration?.key,
    settingsTypeName: connector.settingsClass.name,
    settingsInputTypeName: connector.settingsInputClass.name,
    relayCapable: connector.fields.some((field) => field.section === FormSectionKind.RELAY_OPTIONS),
    connectionTest: {
      steps: connector.connectionTest.steps,
      timeoutMs: connector.connectionTest.timeoutMs,
      discoveredFields: connector.connectionTest.discovers ?? [],
    },
    oauth: connector.authorizationCode
      ? {
          field: connector.authorizationCode.field,
          option: connector.authorizationCode.option,
          providerName: connector.authorizationCode.providerName,
        }
      : null,
    sections: toSections(fields),
  };
}

/**
 * The catalogue as GraphQL views. The catalogue never changes while the server runs, so every
 * view is built once at startup and catalogue queries only select from memory.
 */
export class CatalogueViews {
  private readonly connectorTypes = new Map<string, ConnectorType>();
  private readonly integrationViews: Integration[];

  constructor(readonly catalogue: Catalogue) {
    for (const connector of catalogue.connectors()) this.remember(connector.key, undefined);
    this.integrationViews = catalogue.integrations().map((integration) => ({
      key: integration.key,
      name: integration.name,
      description: integration.description,
      connectorTypes: Object.keys(integration.connectors).map((key) => this.remember(key, integration.key)),
    }));
  }

  private remember(connectorKey: string, integrationKey: string | undefined): ConnectorType {
    const lookup = this.catalogue.form(connectorKey, integrationKey);
    if (!lookup.found) throw new Error(`catalogue lost ${connectorKey} in ${integrationKey}: ${lookup.reason}`);
    const view = toConnectorType(lookup.form);
    this.connectorTypes.set(`${connectorKey}\u0000${integrationKey ?? ''}`, view);
    return view;
  }

  connectorType(connectorKey: string, integrationKey?: string | null): ConnectorType | undefined {
    return this.connectorTypes.get(`${connectorKey}\u0000${integrationKey ?? ''}`);
  }

  connectorTypeList(category?: string | null): ConnectorType[] {
    return this.catalogue.connectors(category).map((connector) => this.connectorType(connector.key) as ConnectorType);
  }

  integrations(): Integration[] {
    return this.integrationViews;
  }
}
