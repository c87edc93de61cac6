import { Field, ID, ObjectType } from 'type-graphql';
import { InheritsCacheHint } from '../cache-control';
import { ConnectorType } from './connector-type.type';

@InheritsCacheHint()
@ObjectType({ simpleResolvers: true, description: 'A workflow that uses some connectors and tailors their forms.' })
export class Integration {
  @Field(() => ID, { description: 'Stable key, such as `user-provisioning`. Part of the public contract.' })
  key!: string;

  @Field({ description: 'The display name.' })
  name!: string;

  @Field({ description: 'What the integration does.' })
  description!: string;

  @Field(() => [ConnectorType], {
    description: 'The connectors it uses, each with its form as this integration shows it.',
  })
  connectorTypes!: ConnectorType[];
}
