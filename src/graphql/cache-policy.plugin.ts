import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { PerOperation } from './per-operation';
import { type CacheHint, operationCachePolicy } from './static-cache-policy';

/**
 * Apollo's cache policy, worked out once per document from the schema's @cacheControl hints
 * (static-cache-policy.ts) instead of by Apollo's cache-control plugin, which wraps every
 * resolver of the schema and runs a hook per field of every answer: on a page of 50 configs,
 * some 1,500 calls to learn that tenant data is never cached. Apollo's plugin is disabled
 * (http.server.ts); this one sets the same policy and the same Cache-Control header.
 */
export function cachePolicyPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  // A repeated query is worked out once.
  const known = new PerOperation<CacheHint>();
  const policyOf = (document: DocumentNode, operation: OperationDefinitionNode) => {
    let policy = known.get(document, operation);
    if (!policy) {
      policy = operationCachePolicy(schema, document, operation);
      known.set(document, operation, policy);
    }
    return policy;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, overallCachePolicy }) {
          if (operation) overallCachePolicy.restrict(policyOf(document, operation));
          else overallCachePolicy.restrict({ maxAge: 0 });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const answered = response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set(
            'cache-control',
            policy && answered ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
          );
        },
      };
    },
  };
}
