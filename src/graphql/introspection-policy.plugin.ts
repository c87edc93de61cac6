import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import { may } from '../auth/principal';
import type { IntrospectionPolicy } from '../environment';
import type { GraphQLContext } from './context';
import { RequestErrorCode } from './request-error-codes';

function selectsIntrospection(selectionSet: SelectionSetNode | undefined): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__schema' || selection.name.value === '__type';
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsIntrospection(selection.selectionSet);
    return false;
  });
}

const mayIntrospect = (policy: IntrospectionPolicy, context: GraphQLContext) =>
  policy === 'all' || (context.principal !== undefined && may(context.principal, 'introspect'));

/**
 * Introspection by role: internal and partner keys may introspect; anonymous callers and tenant
 * sessions may not (policy `roles`, the default outside development). Apollo caches validated
 * documents, so this runs in the request pipeline, per caller, not as a validation rule. Where
 * introspection is refused, "Did you mean …?" suggestions are removed from error messages too,
 * so that they cannot be used to rebuild the schema.
 */
export function introspectionPolicyPlugin(policy: IntrospectionPolicy): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          // No operation of that name (or several unnamed): Apollo answers that itself, with a 400.
          if (!operation || !selectsIntrospection(operation.selectionSet)) return;
          if (mayIntrospect(policy, contextValue)) return;
          throw new GraphQLError(
            'Introspection is only for internal and partner keys. The catalogue queries describe every connector.',
            {
              extensions: { code: RequestErrorCode.FORBIDDEN, http: { status: 403 } },
            },
          );
        },
        async willSendResponse({ response, contextValue }) {
          if (mayIntrospect(policy, contextValue) || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { message: string }).message = error.message.replace(/ ?Did you mean .+\?$/, '');
          }
        },
      };
    },
  };
}
