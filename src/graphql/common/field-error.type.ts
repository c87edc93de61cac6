import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description:
    'Why a write was refused, tied to the field at fault. Every problem is reported at once; nothing is changed when there is any.',
})
export class FieldError {
  @Field({
    description:
      'The field at fault: a settings field name, or `name`, `connectorType`, `integration`, `id` or `expectedVersion`.',
  })
  field!: string;

  @Field({
    description:
      'A stable code: REQUIRED, UNKNOWN_FIELD, WRONG_TYPE, TOO_SHORT, TOO_LONG, TOO_SMALL, TOO_LARGE, TOO_MANY_ITEMS, PATTERN_MISMATCH, NOT_AN_OPTION, INVALID_URL, INVALID_EMAIL, NOT_FOUND, VERSION_CONFLICT, UNKNOWN_CONNECTOR, UNKNOWN_INTEGRATION, CONNECTOR_NOT_IN_INTEGRATION, UNKNOWN_RELAY, RELAY_REVOKED, NOT_LOCKED, CONFLICTING_CHANGE or TOO_MANY_ERRORS (the last of 50 listed, saying how many more there were).',
  })
  code!: string;

  @Field({ description: 'What is wrong, in words a person can act on.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'With VERSION_CONFLICT: the version now stored.' })
  currentVersion?: number;
}
