import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({
  implements: Node,
  description: "A relay agent that reaches programs inside one of the tenant's networks.",
})
export class Relay extends Node {
  @Field(() => ID, { description: 'The global id.' })
  declare id: string;

  @Field({ description: 'The name the tenant gave it.' })
  name!: string;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;
}
