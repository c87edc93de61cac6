import type { FormFieldDefinition } from './form-field.definition';

/**
 * How an integration changes one connector field: an integration can show an opt-in field,
 * hide a field it does not use, require an optional one, set its own default, explain the
 * field in its own terms, or narrow a select's options.
 */
export interface FieldOverlay {
  show?: true;
  hide?: true;
  require?: true;
  defaultValue?: unknown;
  helpText?: string;
  /** Keeps only these option values, in the connector's order. */
  onlyOptions?: string[];
}

export type FormOverlay = Readonly<Record<string, FieldOverlay>>;

/**
 * The fields a form shows once an integration's overlay is applied: opt-in fields only where
 * shown, hidden fields gone, and the overlay's requirements, defaults and help merged in.
 * Without an overlay, the connector's own form (without its opt-in fields).
 */
export function applyOverlay(fields: readonly FormFieldDefinition[], overlay: FormOverlay = {}): FormFieldDefinition[] {
  return fields.flatMap((field) => {
    const change = overlay[field.name];
    if (change?.hide || (field.optIn && !change?.show)) return [];
    if (!change) return [field];
    return [
      {
        ...field,
        required: field.required || change.require === true,
        defaultValue: 'defaultValue' in change ? change.defaultValue : field.defaultValue,
        helpText: change.helpText ?? field.helpText,
        options: change.onlyOptions
          ? field.options.filter((option) => change.onlyOptions?.includes(option.value))
          : field.options,
      },
    ];
  });
}
