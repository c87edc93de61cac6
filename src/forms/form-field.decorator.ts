import { Directive, Extensions, Field } from 'type-graphql';
import { validatorsFor } from './field-validators';
import { registerFormField } from './form.registry';
import { formFieldDirectiveSdl } from './form-directives';
import { defineField, type FormFieldDefinition, type FormFieldOptions } from './form-field.definition';
import { settingsOutputType } from './settings-graphql-types';

/** Describes a field for GraphQL clients: the help text, and what a locked field means. */
export function describeField(field: FormFieldDefinition): string {
  const parts = [field.label + (field.helpText ? `: ${field.helpText}` : '.')];
  if (field.locked) parts.push('Locked: write-only and stored encrypted; reads return only whether it is set.');
  return parts.join(' ');
}

/**
 * Declares one field of a connector's settings. From this one declaration come the GraphQL
 * output field (a `SecretState` for locked fields, never the value), the `@formField`
 * directive in the emitted SDL, the `formField` extension that resolvers and plugins can read
 * at runtime, the class-validator rules that enforce the published limits, and the form
 * metadata that generic clients render.
 */
export function FormField(options: FormFieldOptions): PropertyDecorator {
  return (prototype, propertyKey) => {
    if (typeof propertyKey !== 'string') throw new Error('Form fields must have string names');
    const field = defineField(propertyKey, options);
    registerFormField(prototype.constructor, field);
    const { type, nullable } = settingsOutputType(field);
    Field(type, { nullable, description: describeField(field) })(prototype, propertyKey);
    Directive(formFieldDirectiveSdl(field))(prototype, propertyKey);
    Extensions({ formField: field })(prototype, propertyKey);
    for (const validate of validatorsFor(field)) validate(prototype, propertyKey);
  };
}
