import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object with a global id, which `node(id:)` can fetch.' })
export abstract class Node {
  @Field(() => ID, { description: 'The global id: opaque, stable, unique across types.' })
  id!: string;
}
