import type { ConnectorTypePartsFragment, FormFieldPartsFragment } from '../../../codegen/generated-web/graphql';
import type { FormRule } from '../../forms/form-rule';
import { isRequired, visibleFields } from '../../forms/form-visibility';

/** A field as the form uses it: the published metadata, with its rules typed. */
export type FormField = Omit<FormFieldPartsFragment, 'visibleWhen' | 'requiredWhen'> & {
  visibleWhen: FormRule | null;
  requiredWhen: FormRule | null;
};

export interface FormSection {
  kind: ConnectorTypePartsFragment['sections'][number]['kind'];
  title: string;
  description: string | null;
  fields: FormField[];
}

/** What the form does with a locked field that a saved config already holds. */
export type LockedMode = 'keep' | 'replace' | 'clear';

export interface KeyValue {
  name: string;
  value: string;
}

/**
 * What a control holds. Numbers and JSON stay the text the person typed, so a half-typed
 * "1e" or "{" survives re-renders; they become values in `parseValue`.
 */
export type RawValue = string | boolean | string[] | KeyValue[] | undefined;
export type RawValues = Record<string, RawValue>;

/** The rules are published as the FormRule scalar (typed `unknown` by codegen); the server checked their shape. */
export function sectionsOf(connectorType: ConnectorTypePartsFragment): FormSection[] {
  return connectorType.sections.map((section) => ({
    kind: section.kind,
    title: section.title,
    description: section.description,
    fields: [...section.fields]
      .sort((a, b) => a.order - b.order)
      .map((field) => ({
        ...field,
        visibleWhen: (field.visibleWhen ?? null) as FormRule | null,
        requiredWhen: (field.requiredWhen ?? null) as FormRule | null,
      })),
  }));
}

export const allFields = (sections: readonly FormSection[]): FormField[] => sections.flatMap((s) => s.fields);

const NUMERIC = new Set(['INTEGER', 'NUMBER']);

/** A stored or default value as its control shows it. */
export function toRaw(field: FormField, value: unknown): RawValue {
  if (value === undefined || value === null) return undefined;
  if (NUMERIC.has(field.type)) return String(value);
  if (field.type === 'JSON') return JSON.stringify(value, null, 2);
  if (field.type === 'BOOLEAN') return value === true;
  if (field.type === 'MULTISELECT') return Array.isArray(value) ? value.map(String) : [];
  if (field.type === 'KEY_VALUE_LIST') return Array.isArray(value) ? (value as KeyValue[]) : [];
  return String(value);
}

/** Starting values: a saved config's unlocked values, or every field's default for a new one. */
export function initialRaw(fields: readonly FormField[], saved?: Record<string, unknown>): RawValues {
  const raw: RawValues = {};
  for (const field of fields) {
    if (field.locked) continue;
    raw[field.name] = toRaw(field, saved ? saved[field.name] : field.defaultValue);
  }
  return raw;
}

export interface Parsed {
  value?: unknown;
  /** Why the text is not a value of the field's type. */
  problem?: string;
}

/** Control text → the value sent to the server. Empty means unset. */
export function parseValue(field: FormField, raw: RawValue): Parsed {
  if (raw === undefined || raw === '') return {};
  switch (field.type) {
    case 'INTEGER':
    case 'NUMBER': {
      const text = String(raw).trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) return { problem: `${field.label} must be a number.` };
      if (field.type === 'INTEGER' && !Number.isInteger(value))
        return { problem: `${field.label} must be a whole number.` };
      return { value };
    }
    case 'JSON':
      try {
        const value: unknown = JSON.parse(String(raw));
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          return { problem: `${field.label} must be a JSON object, such as {"key": "value"}.` };
        return { value };
      } catch {
        return { problem: `${field.label} is not valid JSON.` };
      }
    case 'MULTISELECT':
      return Array.isArray(raw) && raw.length ? { value: raw } : {};
    case 'KEY_VALUE_LIST': {
      // Rows left wholly empty are the "add entry" scratch rows, not values.
      const rows = (raw as KeyValue[]).filter((row) => row.name.trim() !== '' || row.value !== '');
      return rows.length ? { value: rows } : {};
    }
    default:
      return { value: raw };
  }
}

/** Field name → value, for the rules; text that does not parse counts as unset. */
export function typedValues(fields: readonly FormField[], raw: RawValues): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const { value } = parseValue(field, raw[field.name]);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

export interface FormView {
  visible: Set<string>;
  required: Set<string>;
}

/** Which fields show and which must be filled, with the server's own rule evaluator. */
export function viewOf(fields: readonly FormField[], raw: RawValues, lockedEntered: Record<string, boolean>): FormView {
  const values = typedValues(fields, raw);
  // A locked field that is saved or typed counts as set for rules like `isSet`.
  for (const [name, entered] of Object.entries(lockedEntered)) if (entered) values[name] = true;
  const visible = visibleFields(fields, values);
  const required = new Set(visible.filter((field) => isRequired(field, visible, values)).map((field) => field.name));
  return { visible: new Set(visible.map((field) => field.name)), required };
}
