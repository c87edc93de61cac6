import type { FormFieldDefinition } from './form-field.definition';
import { evaluateRule, isValueSet, type RuleValues } from './form-rule';

/** The value a rule sees for a field: what was entered, else the field's default. */
function ruleValue(field: FormFieldDefinition, values: RuleValues): unknown {
  return isValueSet(values[field.name]) ? values[field.name] : field.defaultValue;
}

/**
 * Which fields are visible for these values. Hidden fields count as unset for the rules of
 * other fields, so this settles in rounds: each round re-evaluates every rule with only the
 * fields visible in the round before. Rules cannot loop forever because the rounds are
 * bounded by the number of fields.
 */
export function visibleFields(fields: readonly FormFieldDefinition[], values: RuleValues): FormFieldDefinition[] {
  let visible = new Set(fields.map((field) => field.name));
  for (let round = 0; round <= fields.length; round += 1) {
    const seen: Record<string, unknown> = {};
    for (const field of fields) if (visible.has(field.name)) seen[field.name] = ruleValue(field, values);
    const next = new Set(
      fields.filter((field) => !field.visibleWhen || evaluateRule(field.visibleWhen, seen)).map((field) => field.name),
    );
    if (next.size === visible.size && [...next].every((name) => visible.has(name))) break;
    visible = next;
  }
  return fields.filter((field) => visible.has(field.name));
}

/** Whether a visible field must have a value for these values. */
export function isRequired(
  field: FormFieldDefinition,
  visible: readonly FormFieldDefinition[],
  values: RuleValues,
): boolean {
  if (field.required) return true;
  if (!field.requiredWhen) return false;
  const seen: Record<string, unknown> = {};
  for (const other of visible) seen[other.name] = ruleValue(other, values);
  return evaluateRule(field.requiredWhen, seen);
}
