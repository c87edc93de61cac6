import { GraphQLError } from 'graphql';
import { RequestErrorCode } from '../graphql/request-error-codes';

/**
 * The deepest variables or extensions a request may nest. Typed settings go about six levels
 * deep (input → settings → connector → list → entry → value); this leaves room and no more.
 */
export const MAX_INPUT_NESTING = 32;

/** Whether a JSON value nests deeper than `max`, found without recursion (so without a stack to overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

function parsedIfText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined; // Apollo answers malformed JSON itself.
  }
}

/**
 * Refuses, before anything walks them, variables and extensions nested past the limit (a
 * POST body, or a GET's query string): later steps (cost, coercion, logging) recurse over them.
 */
export function assertInputNesting(body: unknown, query: unknown): void {
  const parts = [body, query].flatMap((part) => {
    if (!part || typeof part !== 'object') return [];
    const { variables, extensions } = part as { variables?: unknown; extensions?: unknown };
    return [parsedIfText(variables), parsedIfText(extensions)];
  });
  if (parts.some((part) => nestsDeeperThan(part, MAX_INPUT_NESTING))) {
    throw new GraphQLError(`Variables and extensions may nest at most ${MAX_INPUT_NESTING} levels deep.`, {
      extensions: { code: RequestErrorCode.INPUT_TOO_DEEP, http: { status: 400 } },
    });
  }
}
