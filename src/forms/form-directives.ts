import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  type GraphQLEnumType,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
} from 'graphql';
import type { FormFieldDefinition } from './form-field.definition';

/**
 * Standard introspection cannot show applied directives, so the emitted SDL carries each
 * settings field's form metadata as `@formField(…)` and each settings type's identity as
 * `@connector(…)`. Rules and defaults are JSON text: directive arguments cannot hold
 * arbitrary objects.
 */
export function formFieldDirective(enums: {
  section: GraphQLEnumType;
  type: GraphQLEnumType;
  format: GraphQLEnumType;
}): GraphQLDirective {
  const strings = new GraphQLList(new GraphQLNonNull(GraphQLString));
  return new GraphQLDirective({
    name: 'formField',
    description: 'Form metadata of a connector settings field. The catalogue query returns the same data.',
    locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.INPUT_FIELD_DEFINITION],
    args: {
      label: { type: new GraphQLNonNull(GraphQLString), description: 'The label a form shows.' },
      section: { type: new GraphQLNonNull(enums.section), description: 'The form section.' },
      type: { type: new GraphQLNonNull(enums.type), description: 'The control and value kind.' },
      order: { type: new GraphQLNonNull(GraphQLInt), description: 'Position within the section.' },
      required: { type: new GraphQLNonNull(GraphQLBoolean), description: 'Always required when visible.' },
      locked: { type: new GraphQLNonNull(GraphQLBoolean), description: 'Write-only; stored encrypted.' },
      optIn: { type: GraphQLBoolean, description: 'Hidden unless an integration shows it.' },
      placeholder: { type: GraphQLString, description: 'Example input.' },
      defaultValue: { type: GraphQLString, description: 'The default value, as JSON text.' },
      options: { type: strings, description: 'The values a SELECT or MULTISELECT accepts.' },
      minLength: { type: GraphQLInt, description: 'Fewest characters.' },
      maxLength: { type: GraphQLInt, description: 'Most characters.' },
      min: { type: GraphQLFloat, description: 'Smallest number.' },
      max: { type: GraphQLFloat, description: 'Largest number.' },
      pattern: { type: GraphQLString, description: 'A regular expression the whole value matches.' },
      format: { type: enums.format, description: 'A named format.' },
      protocols: { type: strings, description: 'URL schemes accepted.' },
      maxItems: { type: GraphQLInt, description: 'Most list entries.' },
      reservedNames: { type: strings, description: 'Names a key-value entry may not have.' },
      secretNames: { type: strings, description: 'Names that carry credentials, refused in an unlocked list.' },
      visibleWhen: { type: GraphQLString, description: 'Visibility rule, as JSON text.' },
      requiredWhen: { type: GraphQLString, description: 'Requirement rule, as JSON text.' },
    },
  });
}

export function connectorDirective(): GraphQLDirective {
  return new GraphQLDirective({
    name: 'connector',
    description: 'Marks the settings types of a connector in the catalogue.',
    locations: [DirectiveLocation.OBJECT, DirectiveLocation.INPUT_OBJECT],
    args: {
      key: { type: new GraphQLNonNull(GraphQLString), description: 'The connector key.' },
      version: { type: new GraphQLNonNull(GraphQLInt), description: 'The version of its settings shape.' },
    },
  });
}

/** An enum value, printed bare rather than quoted. */
class EnumLiteral {
  constructor(readonly name: string) {}
}

type Literal = string | number | boolean | EnumLiteral | Literal[] | undefined;

function printLiteral(value: Literal): string {
  if (value instanceof EnumLiteral) return value.name;
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  // GraphQL string escapes are a superset of what JSON.stringify emits.
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function printDirective(name: string, args: Record<string, Literal>): string {
  const printed = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${printLiteral(value)}`);
  return `@${name}(${printed.join(', ')})`;
}

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

export function formFieldDirectiveSdl(field: FormFieldDefinition): string {
  const { validation } = field;
  return printDirective('formField', {
    label: field.label,
    section: new EnumLiteral(field.section),
    type: new EnumLiteral(field.type),
    order: field.order,
    required: field.required,
    locked: field.locked,
    optIn: field.optIn || undefined,
    placeholder: field.placeholder,
    defaultValue: json(field.defaultValue),
    options: field.options.length ? field.options.map((option) => option.value) : undefined,
    minLength: validation.minLength,
    maxLength: validation.maxLength,
    min: validation.min,
    max: validation.max,
    pattern: validation.pattern,
    format: validation.format && new EnumLiteral(validation.format),
    protocols: validation.protocols,
    maxItems: validation.maxItems,
    reservedNames: validation.reservedNames,
    secretNames: validation.secretNames,
    visibleWhen: json(field.visibleWhen),
    requiredWhen: json(field.requiredWhen),
  });
}

export function connectorDirectiveSdl(key: string, version: number): string {
  return printDirective('connector', { key, version });
}
