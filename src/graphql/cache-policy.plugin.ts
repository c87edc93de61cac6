import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { type CacheHint, operationCachePolicy } from './static-cache-policy';

/**
 * Apollo's cache policy, worked out once per document from the schema's @cacheControl hints
 * (static-cache-policy.ts) instead of by Apollo's cache-control plugin, which wraps every
 * resolver of the schema and runs a hook per field of every answer: on a page of 50 configs,
 * some 1,500 calls to learn that tenant data is never cached. Apollo's plugin is disabled
 * (http.server.ts); this one sets the same policy and the same Cache-Control header.
 */
export function cachePolicyPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so a repeated query is worked out once.
  const known = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CacheHint>>();
  const policyOf = (document: DocumentNode, operation: OperationDefinitionNode) => {
    const byOperation = known.get(document) ?? new Map<OperationDefinitionNode, CacheHint>();
    known.set(document, byOperation);
    let policy = byOperation.get(operation);
    if (!policy) {
      policy = operationCachePolicy(schema, document, operation);
      byOperation.set(operation, policy);
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
