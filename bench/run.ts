/**
 * `npm run bench`: Plugboard against baselines measured in the same run, reported as ratios,
 * because absolute figures on a shared 2-core machine drift from run to run.
 *
 * Each scenario runs a target and its baseline in separate processes, alternating them over
 * several rounds after a warm-up, and reports the median of each. BENCH_SECONDS sets the
 * length of one measurement (default 5), BENCH_ROUNDS the rounds (default 3).
 */
import '../src/runtime-mode';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { print } from 'graphql';
import { ConnectorTypeDocument, ConnectorTypesDocument } from '../codegen/generated/graphql';
import { startProcess } from './bench-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MAIN = join(__dirname, '../src/main.js');
const RAW = join(__dirname, 'raw-baseline.server.js');

interface Measurement {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

async function measure(url: string, body: string, seconds: number): Promise<Measurement> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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

function summarise(samples: Measurement[]): Measurement {
  return {
    requestsPerSecond: median(samples.map((s) => s.requestsPerSecond)),
    p99Ms: median(samples.map((s) => s.p99Ms)),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}

interface Scenario {
  name: string;
  /** The JSON body of the GraphQL request, as a UI would send it. */
  request: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'catalogue query (ConnectorTypes: every connector and field)',
    request: JSON.stringify({ query: print(ConnectorTypesDocument), operationName: 'ConnectorTypes' }),
  },
  {
    name: 'one form (ConnectorType: postgresql as file-export shows it)',
    request: JSON.stringify({
      query: print(ConnectorTypeDocument),
      operationName: 'ConnectorType',
      variables: { key: 'postgresql', integration: 'file-export' },
    }),
  },
];

async function runScenario({ name, request: query }: Scenario): Promise<void> {
  const plugboard = await startProcess(MAIN, ['serve'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const response = await fetch(`${plugboard.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: query,
  });
  const bytes = await response.text();
  if (!response.ok || bytes.includes('"errors"')) throw new Error(`catalogue query failed: ${bytes.slice(0, 500)}`);
  const raw = await startProcess(RAW, [], { BENCH_BODY: bytes });
  try {
    await measure(plugboard.url, query, 2);
    await measure(raw.url, query, 2);
    const targetSamples: Measurement[] = [];
    const baselineSamples: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      targetSamples.push(await measure(plugboard.url, query, SECONDS));
      baselineSamples.push(await measure(raw.url, query, SECONDS));
    }
    const target = summarise(targetSamples);
    const baseline = summarise(baselineSamples);
    console.log(`\nScenario: ${name}, ${bytes.length} bytes per response`);
    console.table({
      'Plugboard /graphql': {
        'req/s': Math.round(target.requestsPerSecond),
        'p99 ms': target.p99Ms,
        errors: target.errors,
      },
      'raw node:http, same bytes': {
        'req/s': Math.round(baseline.requestsPerSecond),
        'p99 ms': baseline.p99Ms,
        errors: baseline.errors,
      },
    });
    console.log(
      `ratio: Plugboard serves ${(target.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× the raw server's req/s; p99 ${(target.p99Ms / Math.max(baseline.p99Ms, 1)).toFixed(2)}× its latency`,
    );
    console.log(`(${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, medians; both in their own process)`);
  } finally {
    await Promise.all([plugboard.stop(), raw.stop()]);
  }
}

async function main(): Promise<void> {
  for (const scenario of SCENARIOS) await runScenario(scenario);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
