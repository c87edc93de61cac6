import { type FieldError as FormFieldError, FieldErrorCode as FormFieldErrorCode } from '../forms/form-validator';

/** Every reason a config write can be refused, as returned in payload `errors`. */
export const ConfigErrorCode = {
  ...FormFieldErrorCode,
  NOT_FOUND: 'NOT_FOUND',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  UNKNOWN_CONNECTOR: 'UNKNOWN_CONNECTOR',
  UNKNOWN_INTEGRATION: 'UNKNOWN_INTEGRATION',
  CONNECTOR_NOT_IN_INTEGRATION: 'CONNECTOR_NOT_IN_INTEGRATION',
  UNKNOWN_RELAY: 'UNKNOWN_RELAY',
  RELAY_REVOKED: 'RELAY_REVOKED',
  NOT_LOCKED: 'NOT_LOCKED',
  CONFLICTING_CHANGE: 'CONFLICTING_CHANGE',
  TOO_MANY_ERRORS: 'TOO_MANY_ERRORS',
} as const;
export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];

export interface ConfigError extends Omit<FormFieldError, 'code'> {
  code: ConfigErrorCode;
  /** With VERSION_CONFLICT: the version now stored. */
  currentVersion?: number;
}

export const configError = (field: string, code: ConfigErrorCode, message: string): ConfigError => ({
  field,
  code,
  message,
});

/** The most problems one answer lists: past it, a form is not a form but noise (or an attack). */
export const MAX_LISTED_ERRORS = 50;

/**
 * At most MAX_LISTED_ERRORS problems, the last one saying how many more there were, so that a
 * submission of 40,000 unknown fields gets a short answer, not a 3.5 MB one.
 */
export function listedErrors(errors: ConfigError[]): ConfigError[] {
  return firstOfMany(errors, (message) => configError('values', ConfigErrorCode.TOO_MANY_ERRORS, message));
}

/** The first MAX_LISTED_ERRORS - 1 problems and one more, made by `more`, that counts the rest. */
export function firstOfMany<T>(errors: T[], more: (message: string) => T): T[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  const shown = errors.slice(0, MAX_LISTED_ERRORS - 1);
  return [...shown, more(`${errors.length - shown.length} more problems are not listed. Correct these first.`)];
}
