import type { ConnectorDefinition } from '../connector-kit/connector.definition';
import { FormFieldType, FormSectionKind } from '../forms/form.enums';
import type { FormFieldDefinition } from '../forms/form-field.definition';
import { type FormRule, fieldsReadBy, ruleProblems } from '../forms/form-rule';
import { looksSecret } from '../forms/secret-names';
import type { IntegrationDefinition } from '../integrations/integration.definition';

const KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_TEST_TIMEOUT_MS = 120_000;

function duplicates(keys: string[]): string[] {
  return keys.filter((key, index) => keys.indexOf(key) !== index);
}

function ruleReferenceProblems(
  connector: ConnectorDefinition,
  field: FormFieldDefinition,
  ruleName: string,
  rule: FormRule | undefined,
): string[] {
  if (rule === undefined) return [];
  const where = `${connector.key}.${field.name}.${ruleName}`;
  const malformed = ruleProblems(rule, where);
  if (malformed.length) return malformed;
  const names = new Set(connector.fields.map((f) => f.name));
  return fieldsReadBy(rule).flatMap((name) => {
    if (name === field.name) return [`${where} refers to the field itself`];
    return names.has(name) ? [] : [`${where} refers to "${name}", which ${connector.key} does not have`];
  });
}

function fieldProblems(connector: ConnectorDefinition, field: FormFieldDefinition): string[] {
  const where = `${connector.key}.${field.name}`;
  const problems = [
    ...ruleReferenceProblems(connector, field, 'visibleWhen', field.visibleWhen),
    ...ruleReferenceProblems(connector, field, 'requiredWhen', field.requiredWhen),
  ];
  if (looksSecret(field.name) && !field.locked) problems.push(`${where} looks like a secret but is not locked`);
  const choosable = field.type === FormFieldType.SELECT || field.type === FormFieldType.MULTISELECT;
  if (choosable && field.options.length === 0) problems.push(`${where} is a ${field.type} without options`);
  if (!choosable && field.options.length > 0) problems.push(`${where} has options but is a ${field.type}`);
  const values = field.options.map((option) => option.value);
  const defaults = field.defaultValue === undefined ? [] : [field.defaultValue].flat();
  if (choosable && defaults.some((value) => !values.includes(value as string))) {
    problems.push(`${where} has a default that is not one of its options`);
  }
  if (field.locked && field.defaultValue !== undefined) problems.push(`${where} is locked and must not have a default`);
  if ((field.type === FormFieldType.RELAY) !== (field.section === FormSectionKind.RELAY_OPTIONS)) {
    problems.push(`${where}: relay pickers, and only they, belong in Relay Options`);
  }
  return problems;
}

/** Everything wrong with one connector's declaration; empty when it is sound. */
export function connectorProblems(connector: ConnectorDefinition): string[] {
  const problems: string[] = [];
  if (!KEY_PATTERN.test(connector.key)) problems.push(`connector key "${connector.key}" is not kebab-case`);
  if (!connector.fields.some((field) => field.section === FormSectionKind.GENERAL)) {
    problems.push(`${connector.key} has no General field`);
  }
  for (const name of duplicates(connector.fields.map((field) => `${field.section}:${field.order}`))) {
    problems.push(`${connector.key} has two fields at ${name}; orders within a section must differ`);
  }
  const { steps, timeoutMs } = connector.connectionTest;
  if (steps.length === 0) problems.push(`${connector.key} declares a connection test with no steps`);
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TEST_TIMEOUT_MS)) {
    problems.push(`${connector.key} test timeout must be between 1 and ${MAX_TEST_TIMEOUT_MS} ms`);
  }
  for (const field of connector.fields) problems.push(...fieldProblems(connector, field));
  problems.push(...consentFlowProblems(connector));
  return problems;
}

/** A consent flow must name a SELECT option to choose it, a client ID field and a locked secret. */
function consentFlowProblems(connector: ConnectorDefinition): string[] {
  const flow = connector.authorizationCode;
  if (!flow) return [];
  const field = (name: string) => connector.fields.find((candidate) => candidate.name === name);
  const where = `${connector.key}'s consent flow`;
  const problems: string[] = [];
  const chooser = field(flow.field);
  if (chooser?.type !== FormFieldType.SELECT || !chooser.options.some((option) => option.value === flow.option)) {
    problems.push(`${where} is chosen by ${flow.field} = ${flow.option}, which is not a SELECT option of the form`);
  }
  if (!field(flow.clientIdField)) problems.push(`${where} names an unknown client ID field ${flow.clientIdField}`);
  if (!field(flow.clientSecretField)?.locked) {
    problems.push(`${where}'s client secret ${flow.clientSecretField} must be a locked field`);
  }
  if (flow.scopesField && !field(flow.scopesField)) problems.push(`${where} names an unknown scopes field`);
  return problems;
}

/** Everything wrong with one integration's overlays; empty when they all fit their connectors. */
export function integrationProblems(
  integration: IntegrationDefinition,
  connectors: ReadonlyMap<string, ConnectorDefinition>,
): string[] {
  const problems: string[] = [];
  if (!KEY_PATTERN.test(integration.key)) problems.push(`integration key "${integration.key}" is not kebab-case`);
  if (Object.keys(integration.connectors).length === 0) problems.push(`${integration.key} uses no connector`);
  for (const [connectorKey, overlay] of Object.entries(integration.connectors)) {
    const connector = connectors.get(connectorKey);
    if (!connector) {
      problems.push(`${integration.key} uses unknown connector "${connectorKey}"`);
      continue;
    }
    for (const [fieldName, change] of Object.entries(overlay)) {
      const where = `${integration.key} → ${connectorKey}.${fieldName}`;
      const field = connector.fields.find((f) => f.name === fieldName);
      if (!field) {
        problems.push(`${where}: ${connectorKey} has no such field`);
        continue;
      }
      if (change.hide && (change.show || change.require)) problems.push(`${where} both hides and shows or requires`);
      if (change.show && !field.optIn) problems.push(`${where} shows a field that is not opt-in`);
      const unknown = (change.onlyOptions ?? []).filter((value) => !field.options.some((o) => o.value === value));
      if (unknown.length) problems.push(`${where} keeps unknown options ${unknown.join(', ')}`);
    }
  }
  return problems;
}

export function catalogueProblems(connectors: ConnectorDefinition[], integrations: IntegrationDefinition[]): string[] {
  const byKey = new Map(connectors.map((connector) => [connector.key, connector]));
  return [
    ...duplicates(connectors.map((c) => c.key)).map((key) => `connector key "${key}" is used twice`),
    ...duplicates(integrations.map((i) => i.key)).map((key) => `integration key "${key}" is used twice`),
    ...connectors.flatMap(connectorProblems),
    ...integrations.flatMap((integration) => integrationProblems(integration, byKey)),
  ];
}
