import { type ClassType, createUnionType, Field, InputType } from 'type-graphql';
import { CONNECTORS } from '../../connectors';

/** The settings object of a saved config: the connector's own GraphQL type. */
export const ConnectorSettings = createUnionType({
  name: 'ConnectorSettings',
  description: "A saved config's settings, typed by its connector. Locked fields read as SecretState.",
  types: () => CONNECTORS.map((connector) => connector.settingsClass) as unknown as [ClassType, ...ClassType[]],
  resolveType: (value: { __typename?: string }) => value.__typename,
});

/** The member name of a connector in ConnectorSettingsInput: its key in camelCase. */
export const inputMemberOf = (connectorKey: string) =>
  connectorKey.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Typed settings, one member per connector; exactly one member is given (a @oneOf input).
 * The member names the connector, so a typed client cannot send one connector's fields to
 * another.
 */
@InputType({ description: 'Typed settings: exactly one member, named after the connector key in camelCase.' })
export class ConnectorSettingsInput {
  [member: string]: Record<string, unknown> | undefined;
}

for (const connector of CONNECTORS) {
  Field(() => connector.settingsInputClass, {
    nullable: true,
    description: `Settings of the ${connector.name} connector (\`${connector.key}\`).`,
  })(ConnectorSettingsInput.prototype, inputMemberOf(connector.key));
}

export const ONE_OF_INPUTS = ['ConnectorSettingsInput'];
