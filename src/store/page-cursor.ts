import { InputError } from '../errors';
import type { Page, PageRequest } from './store.port';

/**
 * Cursors are opaque to clients: base64url JSON that only the adapter that wrote it reads.
 * A cursor that does not decode is the client's mistake, answered as bad input.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T>(
  cursor: string,
  isValid: (value: unknown) => value is T,
  argument: 'after' | 'before' = 'after',
): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new InputError('The cursor is not one this server gave out.', { argument });
}

const isIdCursor = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** The cursor of one item: lists are ordered by id, so the id is the position. */
export function cursorOf(item: { id: string }): string {
  return encodeCursor({ id: item.id });
}

/** The id a cursor points at; a cursor this server did not give out is refused on `argument`. */
export function idOf(cursor: string, argument: 'after' | 'before' = 'after'): string {
  return decodeCursor(cursor, isIdCursor, argument).id;
}

/**
 * How to read one page (Relay's connection arguments) from a list kept in `natural` id order:
 * forward (`first` after a cursor) reads in that order past the cursor; backward (`last`
 * before a cursor) reads the other way from it, and the page is turned back afterwards.
 */
export interface PagePlan {
  size: number;
  backward: boolean;
  /** The order to read in. */
  order: 'ASC' | 'DESC';
  /** Where to start: ids past this one, in the reading order. */
  keyset?: { operator: '>' | '<'; id: string };
}

export function planPage(request: PageRequest, natural: 'ASC' | 'DESC' = 'ASC'): PagePlan {
  const backward = request.last !== undefined && request.last !== null;
  const order = backward ? (natural === 'ASC' ? 'DESC' : 'ASC') : natural;
  const cursor = backward ? request.before : request.after;
  return {
    size: (backward ? request.last : request.first) ?? 20,
    backward,
    order,
    keyset: cursor
      ? { operator: order === 'ASC' ? '>' : '<', id: idOf(cursor, backward ? 'before' : 'after') }
      : undefined,
  };
}

/** A page from rows read one past its size (which tells whether more lie that way). */
export function pageOf<T extends { id: string }>(rows: T[], plan: PagePlan, request: PageRequest): Page<T> {
  const items = rows.slice(0, plan.size);
  if (plan.backward) items.reverse();
  const more = rows.length > plan.size;
  return {
    items,
    // Past a cursor there is at least the item it points at: the page has a neighbour that way.
    hasNextPage: plan.backward ? Boolean(request.before) : more,
    hasPreviousPage: plan.backward ? more : Boolean(request.after),
    startCursor: items.length ? cursorOf(items[0]) : null,
    endCursor: items.length ? cursorOf(items[items.length - 1]) : null,
  };
}
