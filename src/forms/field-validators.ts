import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { FormFieldType } from './form.enums';
import type { FormFieldDefinition } from './form-field.definition';
import { keyValueEntryProblem } from './key-value-rules';

/**
 * Why a value was refused, as a stable code. Carried in each class-validator constraint's
 * `context`, so the validator can report codes without parsing messages.
 */
export enum FieldProblem {
  WRONG_TYPE = 'WRONG_TYPE',
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  TOO_SMALL = 'TOO_SMALL',
  TOO_LARGE = 'TOO_LARGE',
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
  PATTERN_MISMATCH = 'PATTERN_MISMATCH',
  NOT_AN_OPTION = 'NOT_AN_OPTION',
  INVALID_URL = 'INVALID_URL',
  INVALID_EMAIL = 'INVALID_EMAIL',
}

const STRING_TYPES = new Set([
  FormFieldType.TEXT,
  FormFieldType.TEXTAREA,
  FormFieldType.HOSTNAME,
  FormFieldType.SECRET,
  FormFieldType.CERTIFICATE,
  FormFieldType.PRIVATE_KEY,
  FormFieldType.RELAY,
]);

function problem(code: FieldProblem, message: string): ValidationOptions {
  return { message, context: { code } };
}

const isKeyValueList = (field: FormFieldDefinition) =>
  ValidateBy(
    {
      name: 'isKeyValueList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every(
            (item) =>
              typeof item === 'object' &&
              item !== null &&
              typeof item.name === 'string' &&
              item.name.trim() !== '' &&
              typeof item.value === 'string',
          ),
      },
    },
    problem(FieldProblem.WRONG_TYPE, `${field.label} must be a list of { name, value } text pairs.`),
  );

/** The entry rules of key-value-rules.ts, reported with the first entry's problem. */
const keyValueEntriesFollowRules = (field: FormFieldDefinition) =>
  ValidateBy(
    {
      name: 'keyValueEntriesFollowRules',
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.every(
            (item) =>
              typeof item?.name !== 'string' ||
              typeof item?.value !== 'string' ||
              keyValueEntryProblem(field, item) === undefined,
          ),
        defaultMessage: (args) =>
          ((args?.value ?? []) as { name: string; value: string }[])
            .map((item) => keyValueEntryProblem(field, item))
            .find(Boolean) ?? `${field.label} has an invalid entry.`,
      },
    },
    { context: { code: FieldProblem.PATTERN_MISMATCH } },
  );

/** The class-validator decorators that enforce a field's published type and limits. */
export function validatorsFor(field: FormFieldDefinition): PropertyDecorator[] {
  const { label, validation: limits } = field;
  const decorators: PropertyDecorator[] = [];
  const add = (decorator: PropertyDecorator) => decorators.push(decorator);

  if (STRING_TYPES.has(field.type)) add(IsString(problem(FieldProblem.WRONG_TYPE, `${label} must be text.`)));
  switch (field.type) {
    case FormFieldType.URL: {
      const invalid = problem(
        FieldProblem.INVALID_URL,
        `${label} must be a full URL starting with ${limits.protocols?.map((p) => `${p}://`).join(' or ')}.`,
      );
      add(
        IsUrl(
          { require_protocol: true, require_tld: false, protocols: limits.protocols, require_valid_protocol: true },
          invalid,
        ),
      );
      // validator.js accepts what no HTTP client can fetch (an IPv6 zone, [fe80::1%25lo]); the
      // WHATWG parser every client uses must accept it too.
      add(
        ValidateBy(
          {
            name: 'isFetchableUrl',
            validator: { validate: (value) => typeof value === 'string' && URL.canParse(value) },
          },
          invalid,
        ),
      );
      break;
    }
    case FormFieldType.EMAIL:
      add(IsEmail({}, problem(FieldProblem.INVALID_EMAIL, `${label} must be an e-mail address.`)));
      break;
    case FormFieldType.INTEGER:
      add(IsInt(problem(FieldProblem.WRONG_TYPE, `${label} must be a whole number.`)));
      break;
    case FormFieldType.NUMBER:
      add(
        IsNumber(
          { allowNaN: false, allowInfinity: false },
          problem(FieldProblem.WRONG_TYPE, `${label} must be a number.`),
        ),
      );
      break;
    case FormFieldType.BOOLEAN:
      add(IsBoolean(problem(FieldProblem.WRONG_TYPE, `${label} must be true or false.`)));
      break;
    case FormFieldType.SELECT:
      add(
        IsIn(
          field.options.map((o) => o.value),
          problem(
            FieldProblem.NOT_AN_OPTION,
            `${label} must be one of: ${field.options.map((o) => o.label).join(', ')}.`,
          ),
        ),
      );
      break;
    case FormFieldType.MULTISELECT:
      add(IsArray(problem(FieldProblem.WRONG_TYPE, `${label} must be a list.`)));
      add(
        IsIn(
          field.options.map((o) => o.value),
          {
            each: true,
            ...problem(
              FieldProblem.NOT_AN_OPTION,
              `Each ${label} entry must be one of: ${field.options.map((o) => o.label).join(', ')}.`,
            ),
          },
        ),
      );
      break;
    case FormFieldType.JSON:
      add(IsObject(problem(FieldProblem.WRONG_TYPE, `${label} must be a JSON object.`)));
      break;
    case FormFieldType.KEY_VALUE_LIST:
      add(isKeyValueList(field));
      add(keyValueEntriesFollowRules(field));
      break;
  }

  if (limits.minLength !== undefined)
    add(
      MinLength(
        limits.minLength,
        problem(FieldProblem.TOO_SHORT, `${label} must be at least ${limits.minLength} characters.`),
      ),
    );
  if (limits.maxLength !== undefined)
    add(
      MaxLength(
        limits.maxLength,
        problem(FieldProblem.TOO_LONG, `${label} must be at most ${limits.maxLength} characters.`),
      ),
    );
  if (limits.min !== undefined)
    add(Min(limits.min, problem(FieldProblem.TOO_SMALL, `${label} must be at least ${limits.min}.`)));
  if (limits.max !== undefined)
    add(Max(limits.max, problem(FieldProblem.TOO_LARGE, `${label} must be at most ${limits.max}.`)));
  if (limits.maxItems !== undefined)
    add(
      ArrayMaxSize(
        limits.maxItems,
        problem(FieldProblem.TOO_MANY_ITEMS, `${label} takes at most ${limits.maxItems} entries.`),
      ),
    );
  // A list's pattern is for its entries' names (keyValueEntriesFollowRules).
  if (limits.pattern !== undefined && field.type !== FormFieldType.KEY_VALUE_LIST) {
    const formatName = limits.format ? ` (${limits.format.toLowerCase().replaceAll('_', ' ')})` : '';
    add(
      Matches(
        new RegExp(limits.pattern),
        problem(FieldProblem.PATTERN_MISMATCH, `${label} is not in the expected format${formatName}.`),
      ),
    );
  }
  return decorators;
}
