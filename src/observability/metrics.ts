import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** From a cached catalogue answer (about 1 ms) to a connection test at its timeout (20 s). */
const LATENCY_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30];

/**
 * Plugboard's Prometheus metrics, in one registry per app (tests run several apps in one
 * process). Labels are names, codes and outcomes only: never tenant data, ids or values.
 */
export class Metrics {
  readonly registry = new Registry();

  constructor() {
    // prom-client's process and Node metrics: CPU, memory, heap, event-loop lag, GC, handles.
    collectDefaultMetrics({ register: this.registry });
  }

  readonly httpRequests = new Counter({
    name: 'plugboard_http_requests_total',
    help: 'HTTP requests by route, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'plugboard_http_request_duration_seconds',
    help: 'HTTP request latency by route.',
    labelNames: ['route'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'plugboard_graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok or error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly publicAnswersServed = new Counter({
    name: 'plugboard_public_answers_served_total',
    help: 'Catalogue answers served as stored bytes, without running GraphQL, by operation name.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'plugboard_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name.',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  readonly connectionTests = new Counter({
    name: 'plugboard_connection_tests_total',
    help: 'Connection tests by connector, status, error code (or none) and where they ran.',
    labelNames: ['connector', 'status', 'code', 'via'] as const,
    registers: [this.registry],
  });

  readonly healthChecks = new Counter({
    name: 'plugboard_health_checks_total',
    help: 'Health checks of saved configs, by the status they found (LIMITED: held back by the test limits).',
    labelNames: ['status'],
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'plugboard_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome (DELIVERED, RETRY, FAILED).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly storeCalls = new Counter({
    name: 'plugboard_store_calls_total',
    help: 'Store calls by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly storeRequestUnits = new Counter({
    name: 'plugboard_store_request_units_total',
    help: 'Cosmos DB request units consumed, by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  /** Filled in at scrape time from the relay broker. */
  readonly relayAgents = new Gauge({
    name: 'plugboard_relay_agents_connected',
    help: 'Relay agents connected to this replica.',
    registers: [this.registry],
  });
}

/**
 * Operation names come from clients, and every label value is a new series kept forever: only
 * the names of known documents (the UIs' trusted documents) are labels; anything else is `other`.
 */
export function operationLabel(name: string | null | undefined, known: ReadonlySet<string>): string {
  if (!name) return 'anonymous';
  return known.has(name) ? name : 'other';
}
