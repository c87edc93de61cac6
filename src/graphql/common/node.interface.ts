import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'An object with a global id, which `node(id:)` can fetch.',
  // Resolvers return stored documents, not class instances; a config is the one with a connector.
  resolveType: (value: object) => ('connectorKey' in value ? 'ConnectorConfig' : 'Relay'),
})
export abstract class Node {
  @Field(() => ID, { description: 'The global id: opaque, stable, unique across types.' })
  id!: string;
}
