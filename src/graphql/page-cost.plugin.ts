import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { boundedMemo } from './bounded-memo';
import { pageSize } from './common/paging.type';
import type { GraphQLContext } from './context';
import { RequestErrorCode } from './request-error-codes';

/**
 * The one cost limit. The heaviest document a UI sends, a full page of 100 configs with every
 * field, costs about 3,400, and the full catalogue document 47: this leaves room for two such
 * lists in one document and no more.
 */
export const MAX_COST = 8000;

/** Past this many fields and fragments walked, a document is refused without finishing the walk. */
const MAX_NODES = 10_000;

/** A paged list (any field with a `first` argument) costs its selection once per row it may return (`first` or `last`). */
const pagedListEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((argument) => argument.name === 'first')) return undefined;
  return 1 + childComplexity * pageSize((args.first ?? args.last) as number | null | undefined);
};

/** Costs already computed, by document, operation and variables; bounded. */
const COSTS_KEPT = 1000;
/** Larger variables (settings being saved) are not worth remembering: such documents are small. */
const MEMO_VARIABLES_MAX_CHARS = 1024;

/** Every other field costs one, plus what it selects. */
const ESTIMATORS = [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })];

export function pagedCostOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName: operationName ?? undefined,
    estimators: ESTIMATORS,
    maxQueryNodes: MAX_NODES,
  });
}

/**
 * The cost of a document with its page sizes, the same whether `first` is a literal or a
 * variable: a validation rule sees the document alone (Apollo caches validation per document),
 * so this runs in the request pipeline, after the token, depth and alias limits.
 */
export function pageCostPlugin(max = MAX_COST): ApolloServerPlugin<GraphQLContext> {
  // Walking a document costs about 0.4 ms for the full catalogue: once per document and
  // variables, not once per request.
  const remembered = boundedMemo<number>(COSTS_KEPT);
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ document, request, operation, operationName, queryHash }) {
          if (!operation) return; // Apollo answers an unresolved operation itself, with a 400.
          const costOf = () => {
            try {
              return pagedCostOf(schema, document, request.variables, operationName);
            } catch (error) {
              // A document too large to walk (fragments spread over and over) is too costly.
              if (/maximum allowed number of nodes/i.test((error as Error).message)) return Number.POSITIVE_INFINITY;
              // Variables that do not fit the document: execution reports them properly.
              return 0;
            }
          };
          const variables = JSON.stringify(request.variables ?? {});
          const cost =
            variables.length > MEMO_VARIABLES_MAX_CHARS
              ? costOf()
              : remembered(`${queryHash}\n${operationName ?? ''}\n${variables}`, costOf);
          if (cost <= max) return;
          throw new GraphQLError(
            `This document could return too much: it costs ${Number.isFinite(cost) ? cost : `more than ${max}`} (each field one, each paged list its selection times its page size), and the limit is ${max}. Ask for smaller pages (first), fewer fields or fewer lists at once.`,
            {
              extensions: {
                code: RequestErrorCode.QUERY_TOO_COSTLY,
                cost: Number.isFinite(cost) ? cost : null,
                maxCost: max,
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}
