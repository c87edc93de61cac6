import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { TypedSettings } from '../../configs/settings-submission';
import { ConnectorSettingsInput } from './connector-settings.type';

@InputType({
  description:
    'A new config. Give the values either as `values` (a name → value map, as generic forms send) or as typed `settings`, not both.',
})
export class CreateConnectorConfigInput {
  @Field({ description: 'A name for it, unique enough for people to tell configs apart.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The connector key. May be left out when typed `settings` name it.' })
  connectorType?: string | null;

  @Field(() => ID, { nullable: true, description: 'The integration whose form this is; its overlay applies.' })
  integration?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Field name → value. Locked fields take plain text.' })
  values?: Record<string, unknown> | null;

  @Field(() => ConnectorSettingsInput, { nullable: true, description: 'The same values, typed.' })
  settings?: TypedSettings | null;
}

@InputType({
  description:
    'A change to a config. Locked fields are kept when omitted, replaced when given, and cleared only when listed in `clearLockedFields`.',
})
export class UpdateConnectorConfigInput {
  @Field(() => ID, { description: 'The global id of the config.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read. A stale one is refused with VERSION_CONFLICT.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'A new name; omit to keep it.' })
  name?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Every unlocked value (replacing the stored ones) and any locked value to replace. Omit to keep all values.',
  })
  values?: Record<string, unknown> | null;

  @Field(() => ConnectorSettingsInput, { nullable: true, description: 'The same, typed.' })
  settings?: TypedSettings | null;

  @Field(() => [String], { nullable: true, description: 'Locked fields whose stored value to remove.' })
  clearLockedFields?: string[] | null;
}

@InputType({ description: 'The config to delete, at the version you read.' })
export class DeleteConnectorConfigInput {
  @Field(() => ID, { description: 'The global id of the config.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read. A stale one is refused with VERSION_CONFLICT.' })
  expectedVersion!: number;
}

@InputType({ description: 'Narrows a list of configs. All given conditions must hold.' })
export class ConnectorConfigFilter {
  @Field(() => ID, { nullable: true, description: 'Only configs of this connector key.' })
  connectorType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only configs of this integration.' })
  integration?: string | null;

  @Field(() => String, { nullable: true, description: 'Only configs whose name contains this, ignoring case.' })
  nameContains?: string | null;
}
