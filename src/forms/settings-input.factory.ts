import { type ClassType, Directive, Field, InputType } from 'type-graphql';
import { connectorDirectiveSdl, formFieldDirectiveSdl } from './form-directives';
import { describeField } from './form-field.decorator';
import type { FormFieldDefinition } from './form-field.definition';
import { settingsInputType } from './settings-graphql-types';

/**
 * Generates the input type that writes a connector's settings. It cannot be the settings
 * class itself: a locked field reads as `SecretState` but is written as text.
 */
export function buildSettingsInputType(
  typeName: string,
  connector: { key: string; name: string; version: number },
  fields: FormFieldDefinition[],
): ClassType {
  const inputClass = { [typeName]: class {} }[typeName];
  InputType(typeName, {
    description: `Values for the ${connector.name} connector's settings. Omitted fields are left empty (on update, locked fields are kept).`,
  })(inputClass);
  Directive(connectorDirectiveSdl(connector.key, connector.version))(inputClass);
  for (const field of fields) {
    const { type, nullable } = settingsInputType(field);
    Field(type, { nullable, description: describeField(field) })(inputClass.prototype, field.name);
    Directive(formFieldDirectiveSdl(field))(inputClass.prototype, field.name);
  }
  return inputClass;
}
