import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLInputObjectType, type GraphQLObjectType, type GraphQLSchema, isNonNullType } from 'graphql';
import { buildSchema, Query, Resolver } from 'type-graphql';
import { connectorDefinitionOf } from '../../src/connector-kit/connector.decorator';
import { FORMAT_PATTERNS } from '../../src/forms/field-format';
import { FieldFormat, FormFieldType, FormSectionKind } from '../../src/forms/form.enums';
import { formFieldsOf } from '../../src/forms/form.registry';
import { FormField } from '../../src/graphql/catalogue/form-field.type';
import { withFormDirectives } from '../../src/graphql/schema.builder';
import { SampleSettings } from '../support/sample-connector';

@Resolver()
class NothingResolver {
  @Query(() => Boolean)
  nothing(): boolean {
    return true;
  }
}

async function sampleSchema(): Promise<GraphQLSchema> {
  const definition = connectorDefinitionOf(SampleSettings);
  const built = await buildSchema({
    resolvers: [NothingResolver],
    // FormField brings in the enums the form directives' arguments use.
    orphanedTypes: [definition.settingsClass, definition.settingsInputClass, FormField],
    // The application's resolvers are registered too (type-graphql's metadata is global).
    authChecker: () => true,
    validate: false,
  });
  return withFormDirectives(built);
}

describe('@FormField and @Connector', () => {
  const definition = connectorDefinitionOf(SampleSettings);
  const field = (name: string) => {
    const found = definition.fields.find((f) => f.name === name);
    if (!found) throw new Error(`no field ${name}`);
    return found;
  };

  it('registers every field in declaration order, with the property name', () => {
    expect(formFieldsOf(SampleSettings).map((f) => f.name)).toEqual([
      'endpoint',
      'authMethod',
      'secret',
      'tenant',
      'retries',
      'hint',
      'headers',
      'audit',
    ]);
    expect(definition).toMatchObject({ key: 'sample', version: 3, settingsClass: SampleSettings });
  });

  it('locks SECRET fields without being told, and fills defaults', () => {
    expect(field('secret')).toMatchObject({ locked: true, required: false, optIn: false, options: [] });
    expect(field('endpoint')).toMatchObject({ locked: false, required: true });
    expect(field('audit').optIn).toBe(true);
  });

  it('publishes a format as its pattern, and gives text a length limit', () => {
    expect(field('tenant').validation).toMatchObject({
      format: FieldFormat.UUID,
      pattern: FORMAT_PATTERNS[FieldFormat.UUID],
      maxLength: 1024,
    });
    expect(field('endpoint').validation.protocols).toEqual(['https']);
    expect(field('headers').validation.maxItems).toBe(2);
  });

  it('makes the settings class a GraphQL object where locked fields are SecretState', async () => {
    const schema = await sampleSchema();
    const settings = schema.getType('SampleSettings') as GraphQLObjectType;
    const fields = settings.getFields();
    expect(String(fields.secret.type)).toBe('SecretState!');
    expect(String(fields.endpoint.type)).toBe('String');
    expect(String(fields.retries.type)).toBe('Int');
    expect(String(fields.headers.type)).toBe('[KeyValuePair!]');
    expect(fields.secret.extensions).toMatchObject({ formField: { name: 'secret', locked: true } });
    const secretState = schema.getType('SecretState') as GraphQLObjectType;
    expect(Object.keys(secretState.getFields()).sort()).toEqual(['isSet', 'updatedAt', 'updatedBy']);
  });

  it('generates an input type where every field is optional and locked fields take text', async () => {
    const schema = await sampleSchema();
    const input = schema.getType('SampleSettingsInput') as GraphQLInputObjectType;
    const fields = input.getFields();
    expect(Object.keys(fields)).toEqual(formFieldsOf(SampleSettings).map((f) => f.name));
    expect(String(fields.secret.type)).toBe('String');
    expect(String(fields.headers.type)).toBe('[KeyValuePairInput!]');
    for (const inputField of Object.values(fields)) expect(isNonNullType(inputField.type)).toBe(false);
  });

  it('carries the metadata as applied directives in the printed SDL', async () => {
    const sdl = printSchemaWithDirectives(await sampleSchema());
    expect(sdl).toContain('type SampleSettings @connector(key: "sample", version: 3)');
    expect(sdl).toMatch(
      /secret: SecretState! @formField\(label: "Secret", section: GENERAL, type: SECRET, order: 30, required: false, locked: true, maxLength: 8192, visibleWhen: "\{\\"field\\":\\"authMethod\\",\\"equals\\":\\"SECRET\\"\}"/,
    );
    expect(sdl).toContain('input SampleSettingsInput @connector(key: "sample", version: 3)');
    expect(sdl).toContain('audit: Boolean @formField(label: "Audit", section: ADVANCED_OPTIONS, type: BOOLEAN');
  });

  it('refuses a field declared twice', async () => {
    const { FormField: declareField } = await import('../../src/forms/form-field.decorator');
    const options = { label: 'X', section: FormSectionKind.GENERAL, type: FormFieldType.TEXT, order: 1 };
    class Twice {}
    declareField(options)(Twice.prototype, 'x');
    expect(() => declareField(options)(Twice.prototype, 'x')).toThrow('declared as a form field twice');
  });
});
