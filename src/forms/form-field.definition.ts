import { FORMAT_PATTERNS } from './field-format';
import { FieldFormat, FormFieldType, type FormSectionKind } from './form.enums';
import type { FormRule } from './form-rule';

/** One choice of a SELECT or MULTISELECT field. */
export interface FieldOption {
  value: string;
  label: string;
  description?: string;
}

/** Limits a client can check before sending; the server enforces the same ones. */
export interface FieldValidation {
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** A regular expression the whole value must match. */
  pattern?: string;
  format?: FieldFormat;
  /** For URL fields: the schemes accepted, such as `https`. */
  protocols?: string[];
  /** For list fields: the most entries allowed. */
  maxItems?: number;
  /** For KEY_VALUE_LIST fields: names an entry may not have (case-insensitive; `prefix-*` matches a prefix). */
  reservedNames?: string[];
  /** For KEY_VALUE_LIST fields that are not locked: names that carry credentials (`*` at either end matches any text). */
  secretNames?: string[];
}

/** What a connector author writes in `@FormField({ … })`. */
export interface FormFieldOptions {
  label: string;
  section: FormSectionKind;
  type: FormFieldType;
  /** Position within the section; lower comes first. Leave gaps (10, 20, …) for later fields. */
  order: number;
  required?: boolean;
  /** Write-only. Implied by SECRET and PRIVATE_KEY; set it on any other field that holds a secret. */
  locked?: boolean;
  helpText?: string;
  placeholder?: string;
  defaultValue?: unknown;
  options?: FieldOption[];
  validation?: FieldValidation;
  /** Shown only while this rule holds. */
  visibleWhen?: FormRule;
  /** Required while this rule holds (and the field is visible). */
  requiredWhen?: FormRule;
  /** Hidden unless an integration's overlay shows it: a field only some integrations need. */
  optIn?: boolean;
}

/** A field as the registry keeps it: the options, normalised, with the property name. */
export interface FormFieldDefinition extends Omit<FormFieldOptions, 'required' | 'locked' | 'optIn' | 'options'> {
  name: string;
  required: boolean;
  locked: boolean;
  optIn: boolean;
  options: FieldOption[];
  validation: FieldValidation;
}

const ALWAYS_LOCKED = new Set([FormFieldType.SECRET, FormFieldType.PRIVATE_KEY]);

/**
 * Every text value gets a length limit, so nothing unbounded reaches the store; PEM blocks and
 * free text get room for certificate chains.
 */
const DEFAULT_MAX_LENGTH: Partial<Record<FormFieldType, number>> = {
  [FormFieldType.TEXT]: 1024,
  [FormFieldType.TEXTAREA]: 16384,
  [FormFieldType.URL]: 2048,
  [FormFieldType.EMAIL]: 320,
  [FormFieldType.HOSTNAME]: 253,
  [FormFieldType.SECRET]: 8192,
  [FormFieldType.CERTIFICATE]: 65536,
  [FormFieldType.PRIVATE_KEY]: 16384,
  [FormFieldType.RELAY]: 128,
};

/** A DNS name, an IPv4 address, or an IPv6 address (bracketed or not); no scheme or port. */
export const HOSTNAME_PATTERN =
  '^(([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\\.?|\\[?[0-9A-Fa-f:.]+\\]?)$';

/** Formats a field type implies unless the field names its own. */
const DEFAULT_FORMAT: Partial<Record<FormFieldType, FieldFormat>> = {
  [FormFieldType.CERTIFICATE]: FieldFormat.PEM_CERTIFICATE,
  [FormFieldType.PRIVATE_KEY]: FieldFormat.PEM_PRIVATE_KEY,
};

export function defineField(name: string, options: FormFieldOptions): FormFieldDefinition {
  const validation: FieldValidation = { ...options.validation };
  validation.format ??= DEFAULT_FORMAT[options.type];
  if (validation.format && !validation.pattern) validation.pattern = FORMAT_PATTERNS[validation.format];
  if (options.type === FormFieldType.HOSTNAME && !validation.pattern) validation.pattern = HOSTNAME_PATTERN;
  if (options.type === FormFieldType.URL && !validation.protocols) validation.protocols = ['https'];
  validation.maxLength ??= DEFAULT_MAX_LENGTH[options.type];
  if (options.type === FormFieldType.KEY_VALUE_LIST || options.type === FormFieldType.MULTISELECT) {
    validation.maxItems ??= 50;
  }
  return {
    ...options,
    name,
    required: options.required ?? false,
    locked: options.locked ?? ALWAYS_LOCKED.has(options.type),
    optIn: options.optIn ?? false,
    options: options.options ?? [],
    validation,
  };
}
