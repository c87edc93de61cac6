import type { GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { connectorProblems, integrationProblems } from '../../src/catalogue/catalogue.validation';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { TestStepKind } from '../../src/connector-kit/test-step';
import { CONNECTORS } from '../../src/connectors';
import { FormFieldType, FormSectionKind } from '../../src/forms/form.enums';
import { fieldsReadBy, ruleProblems } from '../../src/forms/form-rule';
import { looksSecret } from '../../src/forms/secret-names';
import { buildPlugboardSchema } from '../../src/graphql/schema.builder';
import { INTEGRATIONS } from '../../src/integrations';

/** Runs over every registered connector: a new connector is checked without touching this file. */
const connectors = CONNECTORS.map((connector) => [connector.key, connector] as const);
const integrations = INTEGRATIONS.map((integration) => [integration.key, integration] as const);
const byKey = new Map(CONNECTORS.map((connector) => [connector.key, connector]));

describe('the catalogue', () => {
  it('offers at least ten connectors, including the ones partners rely on', () => {
    const keys = CONNECTORS.map((c) => c.key);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of [
      'microsoft-graph',
      'smtp',
      'ldap',
      'salesforce',
      'servicenow',
      'rest-api',
      'postgresql',
      'sftp',
    ]) {
      expect(keys).toContain(key);
    }
  });

  it('has unique connector keys and unique settings type names', () => {
    expect(new Set(CONNECTORS.map((c) => c.key)).size).toBe(CONNECTORS.length);
    expect(new Set(CONNECTORS.map((c) => c.settingsClass.name)).size).toBe(CONNECTORS.length);
  });

  it('loads: the checks the server runs at startup find nothing', () => {
    expect(() => defaultCatalogue()).not.toThrow();
  });

  it('recognises secret-looking names, and not names about secrets', () => {
    for (const name of [
      'password',
      'bindPassword',
      'clientSecret',
      'apiToken',
      'apiKey',
      'privateKey',
      'passphrase',
      'securityToken',
    ]) {
      expect(looksSecret(name)).toBe(true);
    }
    for (const name of ['tokenUrl', 'apiKeyHeaderName', 'apiKeyQueryParameter', 'host', 'username', 'keyId']) {
      expect(looksSecret(name)).toBe(false);
    }
  });
});

describe.each(connectors)('connector %s', (_key, connector) => {
  it('passes every catalogue check', () => {
    expect(connectorProblems(connector)).toEqual([]);
  });

  it('has a kebab-case key, a name, a description and a version', () => {
    expect(connector.key).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(connector.name.trim()).not.toBe('');
    expect(connector.description.trim()).not.toBe('');
    expect(Number.isInteger(connector.version) && connector.version >= 1).toBe(true);
  });

  it('puts every field in a known section, with a label, and has a General section', () => {
    const sections = Object.values(FormSectionKind);
    for (const field of connector.fields) {
      expect(sections).toContain(field.section);
      expect(field.label.trim()).not.toBe('');
    }
    expect(connector.fields.some((field) => field.section === FormSectionKind.GENERAL)).toBe(true);
  });

  it('locks every field that holds a secret', () => {
    for (const field of connector.fields) {
      if (looksSecret(field.name) || field.type === FormFieldType.SECRET || field.type === FormFieldType.PRIVATE_KEY) {
        expect({ field: field.name, locked: field.locked }).toEqual({ field: field.name, locked: true });
      }
    }
  });

  it('has at least one locked credential field', () => {
    expect(connector.fields.some((field) => field.locked)).toBe(true);
  });

  it('only has rules that are well formed and read fields that exist', () => {
    const names = new Set(connector.fields.map((field) => field.name));
    for (const field of connector.fields) {
      for (const rule of [field.visibleWhen, field.requiredWhen]) {
        if (!rule) continue;
        expect(ruleProblems(rule)).toEqual([]);
        for (const read of fieldsReadBy(rule)) expect(names).toContain(read);
      }
    }
  });

  it('declares its connection test hook', () => {
    expect(connector.connectionTest.steps.length).toBeGreaterThan(0);
    for (const step of connector.connectionTest.steps) expect(Object.values(TestStepKind)).toContain(step);
    expect(connector.connectionTest.timeoutMs).toBeGreaterThan(0);
    expect(typeof connector.connectionTest.run).toBe('function');
  });
});

describe('consent flows', () => {
  const withFlow = CONNECTORS.filter((connector) => connector.authorizationCode);

  it('are declared by the connectors the contract names', () => {
    expect(withFlow.map((connector) => connector.key).sort()).toEqual(
      ['jira-cloud', 'microsoft-graph', 'okta', 'rest-api', 'salesforce', 'servicenow'].sort(),
    );
  });

  it('are refused when they name a choice, a client or a secret the form does not have', () => {
    const [connector] = withFlow;
    const flow = connector.authorizationCode as NonNullable<typeof connector.authorizationCode>;
    const broken = {
      ...connector,
      authorizationCode: { ...flow, option: 'NO_SUCH_OPTION', clientIdField: 'nothing', clientSecretField: 'tenantId' },
    };
    expect(connectorProblems(broken)).toEqual([
      expect.stringContaining('not a SELECT option'),
      expect.stringContaining('unknown client ID field'),
      expect.stringContaining('must be a locked field'),
    ]);
  });
});

describe('connectors that may sit in a private network', () => {
  // Which connectors are relay-capable is the catalogue's word (RelayReachableSettings); the
  // README's Relay Options column is held to it in connector-docs.conformance.test.ts.
  const relayCapable = CONNECTORS.filter((c) =>
    c.fields.some((field) => field.section === FormSectionKind.RELAY_OPTIONS),
  );

  it('include at least the on-premises kinds', () => {
    expect(relayCapable.length).toBeGreaterThan(0);
  });

  it.each(relayCapable.map((c) => [c.key, c] as const))(
    '%s has one relay picker in Relay Options',
    (_key, connector) => {
      const relayFields = connector.fields.filter((field) => field.section === FormSectionKind.RELAY_OPTIONS);
      expect(relayFields.map((field) => field.type)).toEqual([FormFieldType.RELAY]);
    },
  );
});

describe('the GraphQL types of every connector', () => {
  let types: Map<string, { output: GraphQLObjectType; input: GraphQLInputObjectType }>;

  beforeAll(async () => {
    const { schema } = await buildPlugboardSchema(defaultCatalogue());
    types = new Map(
      CONNECTORS.map((connector) => [
        connector.key,
        {
          output: schema.getType(connector.settingsClass.name) as GraphQLObjectType,
          input: schema.getType(connector.settingsInputClass.name) as GraphQLInputObjectType,
        },
      ]),
    );
  });

  it.each(connectors)('%s: locked fields are write-only', (key, connector) => {
    const { output, input } = types.get(key) ?? ({} as never);
    const outputFields = output.getFields();
    const inputFields = input.getFields();
    expect(Object.keys(outputFields).sort()).toEqual(connector.fields.map((f) => f.name).sort());
    for (const field of connector.fields) {
      if (field.locked) {
        expect(String(outputFields[field.name].type)).toBe('SecretState!');
        // Written as the value it is (text, or a list of pairs), read back only as a SecretState.
        expect(String(inputFields[field.name].type)).toBe(
          field.type === FormFieldType.KEY_VALUE_LIST ? '[KeyValuePairInput!]' : 'String',
        );
      } else {
        expect(String(outputFields[field.name].type)).not.toContain('SecretState');
      }
    }
  });
});

describe.each(integrations)('integration %s', (_key, integration) => {
  it('passes every overlay check', () => {
    expect(integrationProblems(integration, byKey)).toEqual([]);
  });

  it('only changes connectors and fields that exist', () => {
    for (const [connectorKey, overlay] of Object.entries(integration.connectors)) {
      const connector = byKey.get(connectorKey);
      expect(connector).toBeDefined();
      const names = connector?.fields.map((field) => field.name);
      for (const fieldName of Object.keys(overlay)) expect(names).toContain(fieldName);
    }
  });
});
