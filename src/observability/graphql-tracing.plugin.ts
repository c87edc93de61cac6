import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode } from '@opentelemetry/api';
import { operationLabel } from './metrics';
import { tracer } from './tracing';

/**
 * A span per GraphQL operation, named by its type and label (a trusted document's name,
 * `anonymous` or `other`: never caller text), ended with the outcome and the first error code.
 */
export function graphqlTracingPlugin(knownOperations: ReadonlySet<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const span = tracer.startSpan('graphql');
      return {
        async didResolveOperation({ operation, operationName, request }) {
          const label = operationLabel(operationName ?? request.operationName, knownOperations);
          span.updateName(`graphql ${operation?.operation ?? 'operation'} ${label}`);
          span.setAttribute('graphql.operation.name', label);
          if (operation) span.setAttribute('graphql.operation.type', operation.operation);
        },
        async willSendResponse({ errors, response }) {
          const firstError =
            errors?.[0] ?? (response.body.kind === 'single' ? response.body.singleResult.errors?.[0] : undefined);
          if (firstError) {
            const code = String(firstError.extensions?.code ?? 'ERROR');
            span.setAttribute('plugboard.error.code', code);
            span.setStatus({ code: SpanStatusCode.ERROR, message: code });
          }
          span.end();
        },
      };
    },
  };
}
