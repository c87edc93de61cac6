import { Field, ObjectType } from 'type-graphql';
import { InputError } from '../../errors';
import type { Page, PageRequest } from '../../store/store.port';

@ObjectType({
  simpleResolvers: true,
  description: "Where a page of a list starts and ends, and what lies either side (Relay's PageInfo).",
})
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'Whether a page comes before this one. Paging forward, true whenever `after` was given (the item it points at comes before).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first edge's cursor: pass as `before` (with `last`) for the page before.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor: pass as `after` to fetch the next page.",
  })
  endCursor!: string | null;
}

export const pageInfoOf = (page: Page<unknown>): PageInfo => ({
  hasNextPage: page.hasNextPage,
  hasPreviousPage: page.hasPreviousPage,
  startCursor: page.startCursor,
  endCursor: page.endCursor,
});

/**
 * Relay's connection arguments as a store request: `first` (with `after`) pages forward,
 * `last` (with `before`) backward; mixing directions is refused, naming the argument.
 */
export function pageRequestOf(args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}): PageRequest {
  const backward = args.last !== undefined && args.last !== null;
  if (backward && args.first !== undefined && args.first !== null)
    throw new InputError('Give first or last, not both.', { argument: 'last' });
  if (backward && args.after)
    throw new InputError('after goes with first; with last, use before.', { argument: 'after' });
  if (!backward && args.before) throw new InputError('before goes with last.', { argument: 'before' });
  return backward
    ? { last: pageSize(args.last), before: args.before }
    : { first: pageSize(args.first), after: args.after };
}

/** The largest page a list returns; bigger requests get this many. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(first)));
}
