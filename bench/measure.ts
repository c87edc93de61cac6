import autocannon from 'autocannon';
import type { Target } from './scenarios';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

export interface Measurement {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

/** A GET instead of the POST: its path and query, its headers, and the status it must answer. */
export interface GetRequest {
  path: string;
  headers: Record<string, string>;
  status: 200 | 304;
}

/**
 * POSTs one GraphQL body (or sends one GET) for `seconds` with BENCH_CONNECTIONS connections
 * (default 20). An answer with another status than expected counts as an error.
 */
export async function measure(target: Target, body: string, seconds: number, get?: GetRequest): Promise<Measurement> {
  const result = await autocannon({
    url: `${target.url}${get ? get.path : '/graphql'}`,
    method: get ? 'GET' : 'POST',
    headers: get ? { ...target.headers, ...get.headers } : { 'content-type': 'application/json', ...target.headers },
    body: get ? undefined : body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const expected = get?.status ?? 200;
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) !== expected)
    .reduce((sum, [, stats]) => sum + (stats as { count: number }).count, 0);
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function summarise(samples: Measurement[]): Measurement {
  return {
    requestsPerSecond: median(samples.map((s) => s.requestsPerSecond)),
    p99Ms: median(samples.map((s) => s.p99Ms)),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}
