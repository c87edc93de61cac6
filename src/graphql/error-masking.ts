import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors';
import { RequestErrorCode } from './request-error-codes';
import { messageWithoutValues } from './value-free-messages';

/**
 * Codes whose messages are safe to show: Apollo's own for broken requests (all but its
 * internal error) and every code of Plugboard's request pipeline.
 */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(RequestErrorCode),
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
      const inner = (original as { originalError?: { message?: unknown } } | undefined)?.originalError?.message;
      const message = messageWithoutValues(formatted.message, typeof inner === 'string' ? inner : undefined);
      return { ...formatted, message, extensions };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
