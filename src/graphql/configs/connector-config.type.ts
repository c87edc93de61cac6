import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SecretState } from '../../forms/settings-value.types';
import type { StoredConfig } from '../../store/store.types';
import type { Timestamp } from '../../timestamp';
import { Node } from '../common/node.interface';
import { PageInfo } from '../common/paging.type';

/** A locked field's SecretState, named: the same concept, listed for generic forms. */
@ObjectType({
  simpleResolvers: true,
  description: 'Whether a locked field holds a value. Never the value, never a mask.',
})
export class LockedFieldState extends SecretState {
  @Field({ description: 'The locked field.' })
  field!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The outcome of the last connection test run against a saved config.',
})
export class LastTestResult {
  @Field({ description: 'Whether the test succeeded.' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The error code of a failed test.' })
  code!: string | null;

  @Field(() => Date, { description: 'When it ran.' })
  at!: Timestamp;

  @Field({ description: 'Who ran it.' })
  by!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A saved, configured connector in the caller's tenant.",
})
export class ConnectorConfig extends Node {
  @Field(() => ID, { description: 'The global id.' })
  declare id: string;

  @Field({ description: 'The name the tenant gave it.' })
  name!: string;

  @Field(() => Int, { description: 'The version of the connector settings shape it was saved with.' })
  connectorVersion!: number;

  @Field(() => GraphQLJSONObject, {
    description:
      'The unlocked values, as a field name → value map for generic forms. Locked fields are in `lockedFields`, never here.',
  })
  values!: Record<string, unknown>;

  @Field(() => [LockedFieldState], { description: 'Every locked field of the form, with whether it holds a value.' })
  lockedFields!: LockedFieldState[];

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Timestamp;

  @Field({ description: 'Who created it.' })
  createdBy!: string;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Timestamp;

  @Field({ description: 'Who last changed it.' })
  updatedBy!: string;

  @Field(() => Int, { description: 'Raised on every change. Send it as `expectedVersion` to update or delete.' })
  version!: number;

  @Field(() => LastTestResult, { nullable: true, description: 'The last connection test recorded on it.' })
  lastTest?: LastTestResult | null;

  /** The stored config it shows, for the fields that need the catalogue or loaders; not part of the schema. */
  record!: StoredConfig;
}

@ObjectType({ simpleResolvers: true, description: 'One config in a page.' })
export class ConnectorConfigEdge {
  @Field({ description: 'Where this item sits, for paging.' })
  cursor!: string;

  @Field(() => ConnectorConfig, { description: 'The config.' })
  node!: ConnectorConfig;
}

@ObjectType({ simpleResolvers: true, description: 'A page of saved configs, oldest first.' })
export class ConnectorConfigConnection {
  @Field(() => [ConnectorConfigEdge], { description: 'The configs of this page.' })
  edges!: ConnectorConfigEdge[];

  @Field(() => [ConnectorConfig], { description: 'The same configs, without cursors.' })
  nodes!: ConnectorConfig[];

  @Field(() => PageInfo, { description: 'Whether more follows.' })
  pageInfo!: PageInfo;
}
