import { GraphQLJSONObject } from 'graphql-scalars';
import { Float, ID, Int } from 'type-graphql';
import { FormFieldType } from './form.enums';
import type { FormFieldDefinition } from './form-field.definition';
import { KeyValuePair, KeyValuePairInput, SecretState } from './settings-value.types';

// type-graphql does not export the name of what a type thunk returns; this is its shape.
type ReturnTypeFuncValue = Function | object | [Function | object];

interface SettingsGraphQLType {
  type: () => ReturnTypeFuncValue;
  nullable: boolean | 'items' | 'itemsAndList';
}

function valueType(fieldType: FormFieldType, direction: 'output' | 'input'): ReturnTypeFuncValue {
  switch (fieldType) {
    case FormFieldType.INTEGER:
      return Int;
    case FormFieldType.NUMBER:
      return Float;
    case FormFieldType.BOOLEAN:
      return Boolean;
    case FormFieldType.MULTISELECT:
      return [String];
    case FormFieldType.JSON:
      return GraphQLJSONObject;
    case FormFieldType.KEY_VALUE_LIST:
      return [direction === 'output' ? KeyValuePair : KeyValuePairInput];
    case FormFieldType.RELAY:
      return ID;
    default:
      return String;
  }
}

/**
 * The GraphQL type of a field on the connector's settings object. Locked fields read back as
 * a non-null `SecretState`. Everything else is nullable: an integration may hide any field,
 * so no field is guaranteed to hold a value.
 */
export function settingsOutputType(field: FormFieldDefinition): SettingsGraphQLType {
  if (field.locked) return { type: () => SecretState, nullable: false };
  return { type: () => valueType(field.type, 'output'), nullable: true };
}

/**
 * The GraphQL type of a field on the connector's settings input. Every input field is
 * nullable, so that a missing required value comes back as a field error in the payload,
 * together with every other problem, rather than as a GraphQL validation error.
 */
export function settingsInputType(field: FormFieldDefinition): SettingsGraphQLType {
  return { type: () => valueType(field.type, 'input'), nullable: true };
}
