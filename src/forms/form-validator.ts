import { validate } from 'class-validator';
import { FieldProblem } from './field-validators';
import type { FormFieldDefinition } from './form-field.definition';
import { isValueSet } from './form-rule';
import { isRequired, visibleFields } from './form-visibility';

/** Why a submitted form was refused, field by field. */
export const FieldErrorCode = {
  ...FieldProblem,
  REQUIRED: 'REQUIRED',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

export interface FormToValidate {
  /** The connector's settings class, which carries its class-validator rules. */
  settingsClass: Function;
  /** The fields the form shows, after the integration's overlay. */
  fields: readonly FormFieldDefinition[];
}

export interface ValidatedForm {
  /** Every problem found, at most one per field. Empty when the values are acceptable. */
  errors: FieldError[];
  /**
   * What may be kept: the submitted values of visible fields, with defaults filled in for
   * visible fields left empty, so a saved config does not change when a default later does.
   * Values of hidden fields are dropped.
   */
  values: Record<string, unknown>;
  /** The names of the fields visible for these values. */
  visible: ReadonlySet<string>;
}

/** When one field breaks several limits, report the most basic one. */
const PRIORITY: string[] = [FieldProblem.WRONG_TYPE, FieldProblem.NOT_AN_OPTION, FieldProblem.INVALID_URL];

/**
 * Checks submitted values against a form, the way a client that follows the metadata would:
 * unknown names, visibility and requirement rules, then each field's type and limits.
 *
 * @param alreadySet locked fields that hold a stored value, so they count as set without being
 *   re-sent (on update). Connection tests pass nothing here: they never use stored values.
 */
export async function validateForm(
  form: FormToValidate,
  submitted: Readonly<Record<string, unknown>>,
  alreadySet: ReadonlySet<string> = new Set(),
): Promise<ValidatedForm> {
  const errors: FieldError[] = [];
  const known = new Set(form.fields.map((field) => field.name));
  for (const name of Object.keys(submitted)) {
    if (!known.has(name)) {
      errors.push({ field: name, code: FieldErrorCode.UNKNOWN_FIELD, message: `This form has no field "${name}".` });
    }
  }

  const ruleValues: Record<string, unknown> = { ...submitted };
  for (const name of alreadySet) if (!isValueSet(ruleValues[name])) ruleValues[name] = true;
  const visible = visibleFields(form.fields, ruleValues);

  const values: Record<string, unknown> = {};
  for (const field of visible) {
    const value = submitted[field.name];
    if (isValueSet(value)) values[field.name] = value;
    else if (field.defaultValue !== undefined) values[field.name] = field.defaultValue;
    else if (isRequired(field, visible, ruleValues) && !alreadySet.has(field.name)) {
      errors.push({ field: field.name, code: FieldErrorCode.REQUIRED, message: `${field.label} is required.` });
    }
  }

  const candidate = Object.assign(Object.create(form.settingsClass.prototype), values);
  for (const failure of await validate(candidate, { skipMissingProperties: true, forbidUnknownValues: false })) {
    const contexts = (failure.contexts ?? {}) as Record<string, { code?: string }>;
    const messages = failure.constraints ?? {};
    const constraint =
      Object.keys(messages).find((name) => PRIORITY.includes(contexts[name]?.code ?? '')) ?? Object.keys(messages)[0];
    if (!constraint) continue;
    errors.push({
      field: failure.property,
      code: (contexts[constraint]?.code as FieldErrorCode | undefined) ?? FieldErrorCode.WRONG_TYPE,
      message: messages[constraint],
    });
  }
  return { errors, values, visible: new Set(visible.map((field) => field.name)) };
}
