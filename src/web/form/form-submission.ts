import { checkField } from './field-checks';
import { type FormField, type FormView, type LockedMode, parseValue, type RawValues } from './form-model';

export type Intent = 'save' | 'test';

export interface Submission {
  values: Record<string, unknown>;
  clearLockedFields: string[];
  /** Field name → what is wrong, in form order. Empty when the submission can be sent. */
  problems: Map<string, string>;
  /** Saved locked fields the test needs typed again; the page opens them for typing. */
  toReenter: string[];
}

const REENTER_MESSAGE = (label: string) => `Re-enter ${label} to test: saved secrets are never used for tests.`;

/**
 * What the form would send, and what stops it from being sent. Hidden fields are left out (the
 * server drops them too). Locked values go only when typed; for a test, every locked field the
 * config holds, and every required one, must be typed again.
 */
export function prepareSubmission(
  intent: Intent,
  fields: readonly FormField[],
  view: FormView,
  raw: RawValues,
  saved: ReadonlySet<string>,
  lockedModes: Readonly<Record<string, LockedMode>>,
  /** Required fields a test may leave empty: the server reports what to put in them. */
  discovered: ReadonlySet<string> = new Set(),
): Submission {
  const values: Record<string, unknown> = {};
  const clearLockedFields: string[] = [];
  const problems = new Map<string, string>();
  const toReenter: string[] = [];
  for (const field of fields) {
    if (!view.visible.has(field.name)) continue;
    const required = view.required.has(field.name) && !(intent === 'test' && discovered.has(field.name));
    const mode = lockedModes[field.name] ?? 'keep';
    const { value } = parseValue(field, raw[field.name]);
    const typed = value !== undefined;
    // A secret the config holds: a test needs it typed again, whatever the mode; a save keeps
    // it, clears it, or replaces it with what was typed.
    if (field.locked && saved.has(field.name) && !typed) {
      if (intent === 'test') {
        if (mode !== 'replace') toReenter.push(field.name);
        problems.set(field.name, REENTER_MESSAGE(field.label));
      } else if (mode === 'clear') {
        if (required) problems.set(field.name, `${field.label} is required: replace it instead of clearing it.`);
        else clearLockedFields.push(field.name);
      } else if (mode === 'replace' && required) {
        problems.set(field.name, `${field.label} is required.`);
      }
      continue;
    }
    const problem = checkField(field, raw[field.name], required);
    if (problem) problems.set(field.name, problem);
    else if (typed) values[field.name] = value;
  }
  return { values, clearLockedFields, problems, toReenter };
}
