import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logger';
import type { GraphQLContext } from './context';
import { isExposable } from './error-masking';

/**
 * The other half of error masking. The caller sees only "Internal server error" with the
 * request id; the log line of that request, under the same id, has the whole error. Errors
 * before a context exists (authentication) have no request logger, so they use the root one.
 */
export function internalErrorsPlugin(rootLogger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async contextCreationDidFail({ error }) {
      if (!isExposable(error)) rootLogger.error({ err: error }, 'unexpected error while authenticating a request');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isExposable(error)) continue;
            contextValue.logger.error(
              { err: unwrapResolverError(error), path: error.path },
              'unexpected error while executing a GraphQL operation',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) continue;
            (error as { extensions: Record<string, unknown> }).extensions = {
              ...error.extensions,
              requestId: contextValue.requestId,
            };
          }
        },
      };
    },
  };
}
