import autocannon from 'autocannon';
import type { Target } from './scenarios';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

export interface Measurement {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

/** POSTs one GraphQL body for `seconds` with BENCH_CONNECTIONS connections (default 20). */
export async function measure(target: Target, body: string, seconds: number): Promise<Measurement> {
  const result = await autocannon({
    url: `${target.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
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
