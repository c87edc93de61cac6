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

const isIdCursor = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** The cursor of one item: lists are ordered by id, so the id is the position. */
export function cursorOf(item: { id: string }): string {
  return encodeCursor({ id: item.id });
}

/** The id a cursor points after. */
export function idAfter(cursor: string): string {
  return decodeCursor(cursor, isIdCursor).id;
}

/** A page from rows fetched one past the page size, which tells whether more follows. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  first: number,
): { items: T[]; hasNextPage: boolean; endCursor: string | null } {
  const items = rows.slice(0, first);
  return {
    items,
    hasNextPage: rows.length > first,
    endCursor: items.length ? cursorOf(items[items.length - 1]) : null,
  };
}
