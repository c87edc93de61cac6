import { isValueSet } from '../../forms/form-rule';
import type { FormField, KeyValue, RawValue } from './form-model';
import { parseValue } from './form-model';

/**
 * The published limits, checked before anything is sent. The server checks the same limits
 * (they are generated from one declaration), so passing here means the server will not refuse
 * a value for its shape; it can still refuse it for what only the server knows.
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
    if (field.type === 'URL' || limits.protocols?.length) {
      const wrongScheme = checkUrl(field, value);
      if (wrongScheme) return wrongScheme;
    }
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
    if (field.type === 'KEY_VALUE_LIST' && (value as KeyValue[]).some((row) => row.name.trim() === ''))
      return `Every ${field.label} entry needs a name.`;
  }
  return undefined;
}

function checkUrl(field: FormField, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${field.label} must be an absolute URL, such as https://example.com.`;
  }
  const protocols = field.validation.protocols ?? [];
  const scheme = url.protocol.replace(/:$/, '');
  if (protocols.length && !protocols.includes(scheme))
    return `${field.label} must start with ${protocols.map((p) => `${p}://`).join(' or ')}.`;
  return undefined;
}
