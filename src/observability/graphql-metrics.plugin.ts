import type { ApolloServerPlugin } from '@apollo/server';
import { type Metrics, operationLabel } from './metrics';

/** Counts and times every GraphQL operation by name (when it is one of `knownOperations`) and outcome. */
export function graphqlMetricsPlugin(metrics: Metrics, knownOperations: ReadonlySet<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, request, errors, response }) {
          // The resolved name, so documents sent without an explicit operationName still count by name.
          const operation = operationLabel(operationName ?? request.operationName, knownOperations);
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
          metrics.graphqlOperations.inc({ operation, outcome: failed ? 'error' : 'ok' });
          metrics.graphqlDuration.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
