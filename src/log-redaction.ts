import { looksSecret } from './forms/secret-names';

export const REDACTED = '[redacted]';
/** Log objects are shallow; anything deeper than this is replaced rather than walked. */
const MAX_DEPTH = 6;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * A copy of a log object with every value under a secret-looking or locked field name
 * replaced, at any depth: a resolver that logs submitted settings by mistake still cannot put a
 * password on a log line. Booleans and null pass (`passwordSet: true` says nothing secret).
 * Errors and other class instances are left to pino's serializers.
 */
export function redactSecrets(value: unknown, lockedNames: ReadonlySet<string>, depth = 0): unknown {
  if (Array.isArray(value)) {
    return depth >= MAX_DEPTH ? REDACTED : value.map((item) => redactSecrets(item, lockedNames, depth + 1));
  }
  if (!isPlainObject(value)) return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const secret = (lockedNames.has(key) || looksSecret(key)) && item !== null && typeof item !== 'boolean';
    copy[key] = secret ? REDACTED : redactSecrets(item, lockedNames, depth + 1);
  }
  return copy;
}
