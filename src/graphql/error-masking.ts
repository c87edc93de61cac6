import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors';

/** Codes Apollo itself assigns to broken requests; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Raised while authenticating and rate limiting, before any resolver runs (http/).
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  // Raised by the introspection policy, in the request pipeline.
  'FORBIDDEN',
  // Raised by the trusted-documents policy, in the request pipeline.
  'UNTRUSTED_DOCUMENT',
  // Raised by the page-size cost check, in the request pipeline.
  'QUERY_TOO_COSTLY',
]);

/** Whether the caller may see this error as it is: a domain error or a request error. */
export function isExposable(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return true;
  const code = (original as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
}

/**
 * Domain errors keep their code and message; Apollo's own request errors pass through.
 * Anything else is an internal error: the caller sees a generic message, and
 * internal-errors.plugin.ts logs the whole error and adds the request id to the answer.
 */
export function createErrorFormatter() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
