import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  printSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { type CompiledQuery, type CompilerOptions, compileQuery, isCompiledQuery } from 'graphql-jit';
import { isCanonicalTimestamp } from '../timestamp';
import { PerOperation } from './per-operation';

/** graphql-js's own bound on variable errors reported at once. */
const MAX_VARIABLE_ERRORS = 50;

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but are built by its own function, which
 * leaves `extensions` undefined where graphql-js gives an empty object (Apollo reads
 * `extensions.code`, and an answer with such an error became an internal error). Each is made
 * a graphql-js error with the same message, path, locations, original error (a DomainError, an
 * authorization refusal) and extensions.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  if (error.locations) (converted as { locations?: unknown }).locations = error.locations;
  return converted;
}

/**
 * Stored moments are served as the text they are stored as (src/timestamp.ts): canonical text
 * goes out as it is; anything else (a `Date`, other text) through the scalar's own rules.
 */
function timestampSerializers(schema: GraphQLSchema): Record<string, (value: unknown) => unknown> {
  const scalar = schema.getType('DateTimeISO') as GraphQLScalarType | undefined;
  if (!scalar) return {};
  return { DateTimeISO: (value) => (isCanonicalTimestamp(value) ? value : scalar.serialize(value)) };
}

/** An operation's executions so far, then its compiled form (null: it cannot be compiled). */
type Compilation = { executions: number } | { query: CompiledQuery | null };

/**
 * Execution compiled by graphql-jit behind Apollo's pipeline: Apollo still parses, validates,
 * runs every plugin and formats errors; only execution changes. Apollo's documented hook for
 * replacing execution is its gateway interface, so this is a gateway with one fixed schema.
 *
 * - A document is compiled after `compileAfter` executions by graphql-js: compiling costs about
 *   what validating does, and a document sent once (an ad-hoc query) would pay it for nothing.
 *   Each compiled query is kept with its parsed document, which Apollo keeps per query text.
 * - graphql-js stays where graphql-jit differs from it: variables are coerced by graphql-js
 *   first (the same messages and `@oneOf` rules; graphql-jit does not check `@oneOf`), and a
 *   document whose operation cannot be resolved or compiled is executed by graphql-js, which
 *   says why.
 */
export function compiledExecution(schema: GraphQLSchema, compileAfter: number): GatewayInterface {
  const options: Partial<CompilerOptions> = { customSerializers: timestampSerializers(schema) };
  const compilations = new PerOperation<Compilation>();

  /** The compiled query, once the operation has run often enough; null until then or if it cannot be. */
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null => {
    const known = compilations.get(document, operation) ?? { executions: 0 };
    if ('query' in known) return known.query;
    if (known.executions < compileAfter) {
      compilations.set(document, operation, { executions: known.executions + 1 });
      return null;
    }
    const result = compileQuery(schema, document, operation.name?.value, options);
    const query = isCompiledQuery(result) ? result : null;
    compilations.set(document, operation, { query });
    return query;
  };

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const variableValues = request.variables ?? {};
    // The name the caller asked for: the context's own is that of the operation resolved, if any.
    const { operationName } = request;
    const byGraphqlJs = () =>
      execute({ schema, document, operationName, variableValues, contextValue: context }) as Promise<ExecutionResult>;
    if (!operation) return byGraphqlJs();
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues, {
      maxErrors: MAX_VARIABLE_ERRORS,
    });
    if (coerced.errors) return { errors: coerced.errors };
    const query = compiledFor(document, operation);
    if (!query) return byGraphqlJs();
    const result = await query.query(undefined, context, variableValues);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
