import { Field, ID, ObjectType } from 'type-graphql';
import { FieldError } from '../common/field-error.type';
import { ConnectorConfig } from './connector-config.type';

@ObjectType({ simpleResolvers: true, description: 'The outcome of createConnectorConfig.' })
export class CreateConnectorConfigPayload {
  @Field(() => ConnectorConfig, { nullable: true, description: 'The new config; null when `errors` is not empty.' })
  config!: ConnectorConfig | null;

  @Field(() => [FieldError], { description: 'Every problem with the input. Empty on success.' })
  errors!: FieldError[];
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of updateConnectorConfig.' })
export class UpdateConnectorConfigPayload {
  @Field(() => ConnectorConfig, {
    nullable: true,
    description: 'The config as changed; null when `errors` is not empty.',
  })
  config!: ConnectorConfig | null;

  @Field(() => [FieldError], { description: 'Every problem with the input. Empty on success.' })
  errors!: FieldError[];
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of deleteConnectorConfig.' })
export class DeleteConnectorConfigPayload {
  @Field(() => ID, {
    nullable: true,
    description: 'The global id of the deleted config; null when `errors` is not empty.',
  })
  deletedId!: string | null;

  @Field(() => [FieldError], { description: 'Why nothing was deleted. Empty on success.' })
  errors!: FieldError[];
}
