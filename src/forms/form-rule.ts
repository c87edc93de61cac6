/**
 * Visibility and requirement rules: plain JSON data that any client can evaluate without a
 * round trip, and that the server evaluates with this same code.
 *
 * A rule is one of:
 * - `{ "field": "authMethod", "equals": "CLIENT_SECRET" }`
 * - `{ "field": "authMethod", "notEquals": "NONE" }`
 * - `{ "field": "authMethod", "in": ["BASIC", "OAUTH_PASSWORD"] }`
 * - `{ "field": "caCertificate", "isSet": true }` (true: has a non-empty value; false: has none)
 * - `{ "all": [rule, …] }`, `{ "any": [rule, …] }`, `{ "not": rule }`
 *
 * A field that is itself hidden counts as unset, so rules cascade: a field shown only when a
 * hidden field has some value stays hidden too. A field the user left empty counts as its
 * default value.
 */
export type FormRule =
  | { field: string; equals: RuleValue }
  | { field: string; notEquals: RuleValue }
  | { field: string; in: RuleValue[] }
  | { field: string; isSet: boolean }
  | { all: FormRule[] }
  | { any: FormRule[] }
  | { not: FormRule };

export type RuleValue = string | number | boolean | null;

/** The values a rule reads: field name → value, after defaults are applied. */
export type RuleValues = Readonly<Record<string, unknown>>;

export function isValueSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function evaluateRule(rule: FormRule, values: RuleValues): boolean {
  if ('all' in rule) return rule.all.every((inner) => evaluateRule(inner, values));
  if ('any' in rule) return rule.any.some((inner) => evaluateRule(inner, values));
  if ('not' in rule) return !evaluateRule(rule.not, values);
  const value = values[rule.field];
  if ('equals' in rule) return value === rule.equals;
  if ('notEquals' in rule) return value !== rule.notEquals;
  if ('in' in rule) return rule.in.some((candidate) => candidate === value);
  return isValueSet(value) === rule.isSet;
}

/** Every field name a rule reads, for checking that rules only refer to fields that exist. */
export function fieldsReadBy(rule: FormRule): string[] {
  if ('all' in rule) return rule.all.flatMap(fieldsReadBy);
  if ('any' in rule) return rule.any.flatMap(fieldsReadBy);
  if ('not' in rule) return fieldsReadBy(rule.not);
  return [rule.field];
}

const LEAF_OPERATORS = ['equals', 'notEquals', 'in', 'isSet'] as const;

/**
 * Checks that an untrusted value is a well-formed rule. Rules come from connector code today,
 * but they are published as JSON, and a malformed one would make every client misbehave.
 * Returns the problems found; empty when the rule is well formed.
 */
export function ruleProblems(rule: unknown, path = 'rule'): string[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return [`${path} must be an object`];
  const keys = Object.keys(rule);
  const record = rule as Record<string, unknown>;
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const list = record[keys[0]];
    if (!Array.isArray(list) || list.length === 0) return [`${path}.${keys[0]} must be a non-empty list of rules`];
    return list.flatMap((inner, index) => ruleProblems(inner, `${path}.${keys[0]}[${index}]`));
  }
  if (keys.length === 1 && keys[0] === 'not') return ruleProblems(record.not, `${path}.not`);
  const operators = keys.filter((key) => key !== 'field');
  if (typeof record.field !== 'string' || operators.length !== 1) {
    return [`${path} must have "field" and exactly one of ${LEAF_OPERATORS.join(', ')}, or be all/any/not`];
  }
  const [operator] = operators;
  const operand = record[operator];
  switch (operator) {
    case 'equals':
    case 'notEquals':
      return isRuleValue(operand) ? [] : [`${path}.${operator} must be a string, number, boolean or null`];
    case 'in':
      return Array.isArray(operand) && operand.length > 0 && operand.every(isRuleValue)
        ? []
        : [`${path}.in must be a non-empty list of values`];
    case 'isSet':
      return typeof operand === 'boolean' ? [] : [`${path}.isSet must be true or false`];
    default:
      return [`${path} has an unknown operator "${operator}"`];
  }
}

function isRuleValue(value: unknown): value is RuleValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
