import type { ApolloServerPlugin } from '@apollo/server';
import { SecretScrubber } from '../connector-kit';
import type { GraphQLContext } from './context';

/** Strings shorter than this are not scrubbed: they would erase words of the message itself. */
const MIN_SCRUBBED_LENGTH = 4;
/** Variables are bounded before parsing (body size, nesting); this bounds the walk again. */
const MAX_LEAVES = 10_000;

function stringLeaves(value: unknown, into: string[]): void {
  if (into.length >= MAX_LEAVES) return;
  if (typeof value === 'string') {
    if (value.length >= MIN_SCRUBBED_LENGTH) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringLeaves(item, into);
  } else if (value && typeof value === 'object') {
    // Keys are field names, which errors must be able to name.
    for (const item of Object.values(value)) stringLeaves(item, into);
  }
}

/**
 * Defence in depth behind value-free-messages.ts: no error message leaves with a string the
 * caller sent in the request's variables, whichever layer wrote the message. Said once: an
 * error says which field and why, never the value.
 */
export function valueEchoPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
          const leaves: string[] = [];
          stringLeaves(request.variables, leaves);
          if (!leaves.length) return;
          const scrubber = new SecretScrubber(leaves);
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            message: scrubber.scrub(error.message),
          }));
        },
      };
    },
  };
}
