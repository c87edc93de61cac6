import { evaluateRule, type FormRule, isValueSet, type RuleValues } from './form-rule';

/**
 * What the rules need to know of a field. Structural, and free of server imports, so that the
 * web client (src/web) evaluates visibility with this same code, from the published metadata.
 */
export interface RuleSubject {
  name: string;
  required: boolean;
  defaultValue?: unknown;
  visibleWhen?: FormRule | null;
  requiredWhen?: FormRule | null;
}

/** The value a rule sees for a field: what was entered, else the field's default. */
function ruleValue(field: RuleSubject, values: RuleValues): unknown {
  return isValueSet(values[field.name]) ? values[field.name] : field.defaultValue;
}

/**
 * Which fields are visible for these values. Hidden fields count as unset for the rules of
 * other fields, so this settles in rounds: each round re-evaluates every rule with only the
 * fields visible in the round before. Rules cannot loop forever because the rounds are
 * bounded by the number of fields.
 */
export function visibleFields<F extends RuleSubject>(fields: readonly F[], values: RuleValues): F[] {
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
export function isRequired(field: RuleSubject, visible: readonly RuleSubject[], values: RuleValues): boolean {
  if (field.required) return true;
  if (!field.requiredWhen) return false;
  const seen: Record<string, unknown> = {};
  for (const other of visible) seen[other.name] = ruleValue(other, values);
  return evaluateRule(field.requiredWhen, seen);
}
