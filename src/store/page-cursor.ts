import { InputError } from '../errors';

/**
 * Cursors are opaque to clients: base64url JSON that only the adapter that wrote it reads.
 * A cursor that does not decode is the client's mistake, answered as bad input.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new InputError('The cursor is not one this server gave out.', { argument: 'after' });
}
