import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { createUnionType, Field, InputType } from 'type-graphql';
import type { Catalogue } from '../../catalogue/catalogue';
import type { ConnectorDefinition } from '../../connector-kit/connector.definition';
import { settingsMemberOf } from '../../connector-kit/connector.definition';

/**
 * Typed settings to write: one member per connector, exactly one given (a @oneOf input). One
 * class per process, because type-graphql converts arguments through it on every request: it
 * holds a member for every connector any schema of this process has, and each schema keeps
 * only its own catalogue's (onlyCatalogueMembers).
 */
@InputType('ConnectorSettingsInput', {
  description: 'Typed settings: exactly one member, named after the connector key in camelCase.',
})
export class ConnectorSettingsInput {
  [member: string]: object | null | undefined;
}

const members = new Map<string, ConnectorDefinition>();

function addMembers(connectors: readonly ConnectorDefinition[]): void {
  for (const connector of connectors) {
    const member = settingsMemberOf(connector.key);
    if (members.has(member)) continue;
    members.set(member, connector);
    Field(() => connector.settingsInputClass, {
      nullable: true,
      description: `Settings of the ${connector.name} connector (\`${connector.key}\`).`,
    })(ConnectorSettingsInput.prototype, member);
  }
}

/** Settings are mapped with their member's name (settingsMemberOf). */
export const settingsTypeOf = (value: { __typename?: string }): string | undefined => value.__typename;

let unionOfBuild: ReturnType<typeof createUnionType> | undefined;

/**
 * Prepares the two types that list every connector for a schema of this catalogue: the
 * `ConnectorSettings` union (read when the schema is built) and the members of
 * `ConnectorSettingsInput`. Call before building; then pass the schema to onlyCatalogueMembers.
 */
export function prepareConnectorSettingsTypes(catalogue: Catalogue): void {
  const connectors = catalogue.connectors();
  const [first, ...rest] = connectors.map((connector) => connector.settingsClass);
  if (!first) throw new Error('A schema needs at least one connector');
  addMembers(connectors);
  unionOfBuild = createUnionType({
    name: 'ConnectorSettings',
    description: "A saved config's settings, typed by its connector. Locked fields read as SecretState.",
    types: () => [first, ...rest] as const,
    resolveType: settingsTypeOf,
  });
}

/** For the settings field's type thunk, which type-graphql reads while building. */
export function connectorSettingsUnion(): ReturnType<typeof createUnionType> {
  if (!unionOfBuild) throw new Error('prepareConnectorSettingsTypes was not called before building the schema');
  return unionOfBuild;
}

/**
 * Makes `ConnectorSettingsInput` a @oneOf input of this catalogue's connectors only, and drops
 * the input types of connectors another catalogue of this process added.
 */
export function onlyCatalogueMembers(schema: GraphQLSchema, catalogue: Catalogue): GraphQLSchema {
  const own = new Set(catalogue.connectors().map((connector) => settingsMemberOf(connector.key)));
  const foreignInputs = new Set(
    [...members].filter(([member]) => !own.has(member)).map(([, connector]) => connector.settingsInputClass.name),
  );
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_TYPE]: (type) => {
      if (foreignInputs.has(type.name)) return null;
      if (type.name !== 'ConnectorSettingsInput') return type;
      const config = type.toConfig();
      const fields = Object.fromEntries(Object.entries(config.fields).filter(([member]) => own.has(member)));
      // type-graphql cannot declare @oneOf inputs; graphql-js enforces them once the type says so.
      return new GraphQLInputObjectType({ ...config, fields, isOneOf: true });
    },
  });
}
