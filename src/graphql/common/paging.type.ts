import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a list ends, and whether more follows.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page.' })
  endCursor!: string | null;
}

/** The largest page a list returns; bigger requests get this many. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(first)));
}
