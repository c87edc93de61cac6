import isEmail from 'validator/lib/isEmail';
import isURL from 'validator/lib/isURL';
import { isValueSet } from '../../forms/form-rule';
import { keyValueEntryProblem } from '../../forms/key-value-rules';
import type { FormField, KeyValue, RawValue } from './form-model';
import { parseValue } from './form-model';

/**
 * The published limits, checked before anything is sent. The server checks the same limits
 * (they are generated from one declaration), and URLs and e-mail addresses with the same
 * library (validator.js, under class-validator), so passing here means the server will not
 * refuse a value for its shape; it can still refuse it for what only the server knows.
 * test/unit/web-field-checks.test.ts holds the two to agreement over the whole catalogue.
 */
export function checkField(field: FormField, raw: RawValue, required: boolean): string | undefined {
  const { value, problem } = parseValue(field, raw);
  if (problem) return problem;
  if (!isValueSet(value)) return required ? `${field.label} is required.` : undefined;
  const limits = field.validation;
  if (typeof value === 'string') {
    if (limits.minLength != null && value.length < limits.minLength)
      return `${field.label} must be at least ${limits.minLength} characters.`;
    if (limits.maxLength != null && value.length > limits.maxLength)
      return `${field.label} must be at most ${limits.maxLength} characters.`;
    if (field.type === 'URL' && !(isURL(value, urlOptions(field)) && URL.canParse(value)))
      return `${field.label} must be a full URL starting with ${(limits.protocols ?? []).map((p) => `${p}://`).join(' or ')}.`;
    if (field.type === 'EMAIL' && !isEmail(value)) return `${field.label} must be an e-mail address.`;
    if (limits.pattern && !new RegExp(limits.pattern).test(value)) {
      const format = limits.format ? ` (${limits.format.toLowerCase().replaceAll('_', ' ')})` : '';
      return `${field.label} is not in the expected format${format}.`;
    }
  }
  if (typeof value === 'number') {
    if (limits.min != null && value < limits.min) return `${field.label} must be at least ${limits.min}.`;
    if (limits.max != null && value > limits.max) return `${field.label} must be at most ${limits.max}.`;
  }
  if (Array.isArray(value)) {
    if (limits.maxItems != null && value.length > limits.maxItems)
      return `${field.label} takes at most ${limits.maxItems} entries.`;
    if (field.type === 'KEY_VALUE_LIST') {
      const problem = (value as KeyValue[]).map((row) => keyValueEntryProblem(field, row)).find(Boolean);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The options the server's IsUrl decorator is given (src/forms/field-validators.ts). */
const urlOptions = (field: FormField) => ({
  require_protocol: true,
  require_tld: false,
  protocols: field.validation.protocols ?? undefined,
  require_valid_protocol: true,
});
