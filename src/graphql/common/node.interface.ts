import { Field, ID, InterfaceType } from 'type-graphql';

/** Resolvers return stored documents, not class instances; a config is the one with a connector. */
export const nodeTypeOf = (value: object): string => ('connectorKey' in value ? 'ConnectorConfig' : 'Relay');

@InterfaceType({
  description: 'An object with a global id, which `node(id:)` can fetch.',
  resolveType: nodeTypeOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'The global id: opaque, stable, unique across types.' })
  id!: string;
}
