/**
 * A moment as Plugboard stores it and the schema serves it (`DateTimeISO`): the text of
 * `Date#toISOString`, such as `2026-12-03T07:21:10.000Z`. Object types that only show stored
 * moments keep them as this text: a `Date` made per field only to be written back as the same
 * text cost a tenth of a list's time. The executor passes canonical text through and gives
 * anything else to the scalar (compiled-executor.ts); graphql-js's scalar accepts both.
 */
export type Timestamp = string;

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Whether a value is a timestamp exactly as `toISOString` writes it. */
export function isCanonicalTimestamp(value: unknown): value is Timestamp {
  return typeof value === 'string' && value.length === 24 && CANONICAL.test(value);
}
