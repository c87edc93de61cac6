import { Field, InputType, ObjectType } from 'type-graphql';

/**
 * How a locked field reads back: whether a value is stored and when it last changed. Never the
 * value, and never a mask standing in for it.
 */
@ObjectType({ description: 'The state of a locked (write-only) field. The value itself is never returned.' })
export class SecretState {
  @Field({ description: 'Whether a value is stored for this field.' })
  isSet!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the stored value was last set or cleared.' })
  /** As stored: ISO 8601 text (src/timestamp.ts; forms/ stands alone, so not imported). */
  updatedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Who last set or cleared the stored value.' })
  updatedBy?: string | null;
}

@ObjectType({ description: 'One name/value pair, such as a custom HTTP header.' })
export class KeyValuePair {
  @Field({ description: 'The name, such as an HTTP header name.' })
  name!: string;

  @Field({ description: 'The value.' })
  value!: string;
}

@InputType({ description: 'One name/value pair, such as a custom HTTP header.' })
export class KeyValuePairInput {
  @Field({ description: 'The name, such as an HTTP header name.' })
  name!: string;

  @Field({ description: 'The value.' })
  value!: string;
}
