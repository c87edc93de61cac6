import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FieldFormat, FormFieldType, FormSectionKind } from '../../forms/form.enums';
import type { FormRule } from '../../forms/form-rule';
import { InheritsCacheHint } from '../cache-control';
import { FormRuleScalar } from '../form-rule.scalar';

@InheritsCacheHint()
@ObjectType({ simpleResolvers: true, description: 'One choice of a SELECT or MULTISELECT field.' })
export class FormFieldOption {
  @Field({ description: 'The value sent and stored.' })
  value!: string;

  @Field({ description: 'What the choice is called on screen.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'What choosing it means.' })
  description?: string;
}

@InheritsCacheHint()
@ObjectType({
  simpleResolvers: true,
  description:
    'Limits a client checks before sending. The server enforces the same limits and answers with field errors.',
})
export class FieldValidation {
  @Field(() => Int, { nullable: true, description: 'Fewest characters.' })
  minLength?: number;

  @Field(() => Int, { nullable: true, description: 'Most characters.' })
  maxLength?: number;

  @Field(() => Float, { nullable: true, description: 'Smallest number allowed.' })
  min?: number;

  @Field(() => Float, { nullable: true, description: 'Largest number allowed.' })
  max?: number;

  @Field(() => String, {
    nullable: true,
    description: 'A regular expression the whole value must match (ECMAScript syntax, anchored).',
  })
  pattern?: string;

  @Field(() => FieldFormat, { nullable: true, description: 'A named format; `pattern` holds its expression.' })
  format?: FieldFormat;

  @Field(() => [String], { nullable: true, description: 'For URL fields: the schemes accepted, such as https.' })
  protocols?: string[];

  @Field(() => Int, { nullable: true, description: 'For list fields: the most entries allowed.' })
  maxItems?: number;

  @Field(() => [String], {
    nullable: true,
    description:
      'For KEY_VALUE_LIST fields: names an entry may not have, case-insensitive; a trailing * matches a prefix. (`pattern` applies to entry names; no entry holds a line break or NUL.)',
  })
  reservedNames?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'For KEY_VALUE_LIST fields that are not locked: names that carry credentials, refused there (their values belong in a locked field); case-insensitive, a * at either end matches any text.',
  })
  secretNames?: string[];
}

@InheritsCacheHint()
@ObjectType({
  simpleResolvers: true,
  description: 'One field of a connector form, with everything a generic client needs to render it.',
})
export class FormField {
  @Field({ description: 'The settings field this form field writes; the same name as in the settings types.' })
  name!: string;

  @Field({ description: 'What the field is called on screen.' })
  label!: string;

  @Field(() => FormFieldType, { description: 'The control to render and the kind of value it holds.' })
  type!: FormFieldType;

  @Field(() => FormSectionKind, { description: 'The section the field belongs to.' })
  section!: FormSectionKind;

  @Field({ description: 'Required whenever the field is visible. See also `requiredWhen`.' })
  required!: boolean;

  @Field({
    description:
      'Write-only. Stored encrypted, never returned (reads give a SecretState), and re-entered for every connection test.',
  })
  locked!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Help shown with the field: what to enter and where to find it.',
  })
  helpText?: string;

  @Field(() => String, { nullable: true, description: 'An example value shown in the empty control.' })
  placeholder?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value used when the field is left empty.' })
  defaultValue?: unknown;

  @Field(() => [FormFieldOption], { description: 'The choices of a SELECT or MULTISELECT; empty otherwise.' })
  options!: FormFieldOption[];

  @Field(() => FieldValidation, { description: 'Limits to check before sending.' })
  validation!: FieldValidation;

  @Field(() => FormRuleScalar, { nullable: true, description: 'Show the field only while this rule holds.' })
  visibleWhen?: FormRule;

  @Field(() => FormRuleScalar, {
    nullable: true,
    description: 'The field is required while this rule holds (and it is visible).',
  })
  requiredWhen?: FormRule;

  @Field(() => Int, { description: 'Position within its section; lower comes first.' })
  order!: number;
}
