import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';

/** Root query fields whose own hint makes them PUBLIC (the catalogue's roots). */
function publicRootFields(schema: GraphQLSchema): Set<string> {
  const fields = schema.getQueryType()?.getFields() ?? {};
  return new Set(
    Object.values(fields)
      .filter((field) =>
        field.astNode?.directives?.some(
          (directive) =>
            directive.name.value === 'cacheControl' &&
            directive.arguments?.some(
              (argument) =>
                argument.name.value === 'scope' &&
                argument.value.kind === Kind.ENUM &&
                argument.value.value === 'PUBLIC',
            ),
        ),
      )
      .map((field) => field.name),
  );
}

const selectsOnly = (operation: OperationDefinitionNode, allowed: Set<string>) =>
  operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD && (selection.name.value === '__typename' || allowed.has(selection.name.value)),
  );

/**
 * Tells Apollo's cache-control plugin, before execution, that an answer cannot be cached: a
 * mutation, or a query with a root field that is not public catalogue data (tenant data). The
 * plugin then skips its per-field policy work (it checks for an already restricted policy at
 * execution start); answers that can be public are judged field by field as before.
 */
export function uncacheableEarlyPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const publicRoots = publicRootFields(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation !== 'query' || !selectsOnly(operation, publicRoots)) {
            overallCachePolicy.restrict({ maxAge: 0 });
          }
        },
      };
    },
  };
}
