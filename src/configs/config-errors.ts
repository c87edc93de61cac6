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
