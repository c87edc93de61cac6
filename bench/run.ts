/**
 * `npm run bench`: Plugboard against baselines measured in the same run, reported as ratios,
 * because absolute figures on a shared 2-core machine drift from run to run.
 *
 * Every scenario runs against one Plugboard server process and a bare node:http baseline that
 * answers with the same bytes, in separate processes, alternating over several rounds after a
 * warm-up; medians are reported. Store calls per request are counted separately, in process,
 * through a counting store. BENCH_SECONDS sets one measurement (default 5), BENCH_ROUNDS the
 * rounds (default 3), BENCH_CONNECTIONS the concurrency (default 20), BENCH_ONLY a name filter.
 */
import '../src/runtime-mode';
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../src/auth/api-key.format';
import { startPlugboard, startProcess } from './bench-process';
import { burstScenario } from './burst';
import { cosmosChargesScenario } from './cosmos-charges';
import { fanOutScenario } from './fan-out';
import { filtersScenario } from './filters';
import { startHandwritten } from './handwritten-baseline';
import { hardeningScenario } from './hardening';
import { healthChecksScenario } from './health-checks';
import { type GetRequest, type Measurement, measure, summarise } from './measure';
import { memoryScenario } from './memory';
import { oauthRuntimeScenario } from './oauth-runtime';
import { relayScenario } from './relay';
import { SCENARIOS, type Scenario, type Target } from './scenarios';
import { storeCallsPerRequest } from './store-calls';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ONLY = process.env.BENCH_ONLY;
const MAIN = join(__dirname, '../src/main.js');
const RAW = join(__dirname, 'raw-baseline.server.js');

/** One row of the closing table: a scenario against its baseline, medians of the rounds. */
interface SummaryRow {
  scenario: string;
  'Plugboard req/s': number;
  'limit req/s': number;
  ratio: number;
  'Plugboard p99 ms': number;
  'limit p99 ms': number;
  rounds: number;
}
const summary: SummaryRow[] = [];

async function runScenario(scenario: Scenario, plugboard: Target, adminKey: string, dataDir: string): Promise<void> {
  const target = scenario.authenticated ? plugboard : { ...plugboard, headers: {} };
  await scenario.prepare?.(target);
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: scenario.body,
  });
  const bytes = await response.text();
  if (!response.ok || bytes.includes('"errors":[{')) throw new Error(`${scenario.name} failed: ${bytes.slice(0, 500)}`);
  const { get, rawEnv } = await asGet(scenario, target, bytes);
  const raw = scenario.handwritten
    ? await startHandwritten({ ...scenario, handwritten: scenario.handwritten }, target, dataDir, adminKey)
    : await startProcess(RAW, [], rawEnv);
  const baseline: Target = { url: raw.url, headers: scenario.handwritten ? target.headers : {} };
  try {
    await measure(target, scenario.body, 2, get);
    await measure(baseline, scenario.body, 2, get);
    const targetSamples: Measurement[] = [];
    const baselineSamples: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      targetSamples.push(await measure(target, scenario.body, SECONDS, get));
      baselineSamples.push(await measure(baseline, scenario.body, SECONDS, get));
    }
    const mine = summarise(targetSamples);
    const theirs = summarise(baselineSamples);
    const calls = await storeCallsPerRequest(scenario, adminKey);
    console.log(`\nScenario: ${scenario.name}, ${bytes.length} bytes per response`);
    console.table({
      [`Plugboard ${get ? 'GET' : 'POST'} /graphql`]: {
        'req/s': Math.round(mine.requestsPerSecond),
        'p99 ms': mine.p99Ms,
        errors: mine.errors,
      },
      [scenario.handwritten
        ? 'hand-written, same work'
        : get?.status === 304
          ? 'raw node:http, bare 304'
          : 'raw node:http, same bytes']: {
        'req/s': Math.round(theirs.requestsPerSecond),
        'p99 ms': theirs.p99Ms,
        errors: theirs.errors,
      },
    });
    console.log(
      `ratio: Plugboard serves ${(mine.requestsPerSecond / theirs.requestsPerSecond).toFixed(3)}× the baseline's req/s; p99 ${(mine.p99Ms / Math.max(theirs.p99Ms, 1)).toFixed(1)}× its latency`,
    );
    console.log(`store calls per request: ${calls.perRequest} (${calls.detail})`);
    summary.push({
      scenario: scenario.name.replace(/ \(against [^)]*\)$/, ''),
      'Plugboard req/s': Math.round(mine.requestsPerSecond),
      'limit req/s': Math.round(theirs.requestsPerSecond),
      ratio: Number((mine.requestsPerSecond / theirs.requestsPerSecond).toFixed(3)),
      'Plugboard p99 ms': mine.p99Ms,
      'limit p99 ms': theirs.p99Ms,
      rounds: ROUNDS,
    });
  } finally {
    await raw.stop();
  }
}

/**
 * A GET scenario's request, checked once: an answer without errors and with an ETag, and for a
 * conditional one a 304 on that ETag. The baseline answers the same (bytes, or a bare 304). A
 * manifest document's fields may be in another order than the POSTed text's, so the GET's own
 * bytes are the baseline's.
 */
async function asGet(
  scenario: Scenario,
  target: Target,
  postedBytes: string,
): Promise<{ get?: GetRequest; rawEnv: Record<string, string> }> {
  if (!scenario.get) return { rawEnv: { BENCH_BODY: postedBytes } };
  // Apollo's CSRF prevention wants a non-simple header on GETs.
  const headers = { 'apollo-require-preflight': 'true' };
  const first = await fetch(`${target.url}${scenario.get.path}`, { headers: { ...target.headers, ...headers } });
  const bytes = await first.text();
  const etag = first.headers.get('etag') ?? '';
  if (first.status !== 200 || bytes.includes('"errors":[{') || bytes.length !== postedBytes.length || !etag) {
    throw new Error(`${scenario.name}: the GET did not answer the catalogue with an ETag (${first.status})`);
  }
  if (scenario.get.conditional) {
    const again = await fetch(`${target.url}${scenario.get.path}`, {
      headers: { ...target.headers, ...headers, 'if-none-match': etag },
    });
    if (again.status !== 304) throw new Error(`${scenario.name}: no 304 for the ETag just given (${again.status})`);
  }
  if (!scenario.get.conditional) {
    return { get: { path: scenario.get.path, headers, status: 200 }, rawEnv: { BENCH_BODY: bytes } };
  }
  return {
    get: { path: scenario.get.path, headers: { ...headers, 'if-none-match': etag }, status: 304 },
    rawEnv: { BENCH_STATUS: '304', BENCH_ETAG: etag },
  };
}

/** Heap growth per 1,000 direct tests, in a process of its own that may force garbage collection. */
function soakScenario(): void {
  const output = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'soak.js')], { encoding: 'utf8' });
  const { soak } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    soak: { tests: number; testsPerSecond: number; heapAfterGcMiB: number[]; growthPerThousandTestsKiB: number };
  };
  console.log(`\nScenario: soak, ${soak.tests} direct connection tests (REST API over loopback HTTP), 20 at a time`);
  console.log(`heap after GC per 1,000 tests (MiB): ${soak.heapAfterGcMiB.join(' → ')}`);
  console.log(
    `growth: ${soak.growthPerThousandTestsKiB} KiB per 1,000 tests (flat is the goal; noise is ±300 KiB); ${soak.testsPerSecond} tests/s`,
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-bench-'));
  const adminKey = generateApiKey('default').key;
  const server = await startPlugboard(MAIN, dataDir, adminKey, {
    // The relay scenario compares a direct test of a loopback target with the same through a relay.
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32',
  });
  const plugboard: Target = { url: server.url, headers: { authorization: `Bearer ${adminKey}` } };
  try {
    for (const scenario of SCENARIOS.filter((s) => !ONLY || s.name.includes(ONLY))) {
      await runScenario(scenario, plugboard, adminKey, dataDir);
    }
    console.log(
      `\n(${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, medians; each server in its own process)`,
    );
    if (summary.length) {
      console.log('\nEvery scenario against its limit (a bare server with the same bytes, or the hand-written one):');
      console.table(summary);
    }
    if (!ONLY || 'hardening'.includes(ONLY)) await hardeningScenario(plugboard, { rounds: ROUNDS, seconds: SECONDS });
    if (!ONLY || 'fan-out'.includes(ONLY)) await fanOutScenario();
    if (!ONLY || 'relay'.includes(ONLY)) await relayScenario(plugboard);
    if (!ONLY || 'soak'.includes(ONLY)) soakScenario();
    if (!ONLY || 'burst'.includes(ONLY)) await burstScenario();
    if (!ONLY || 'memory'.includes(ONLY)) await memoryScenario();
    if (!ONLY || 'filters'.includes(ONLY)) await filtersScenario();
    if (!ONLY || 'cosmos'.includes(ONLY)) await cosmosChargesScenario();
    if (!ONLY || 'health'.includes(ONLY)) await healthChecksScenario({ seconds: SECONDS }, dataDir);
    if (!ONLY || 'oauth'.includes(ONLY)) await oauthRuntimeScenario({ rounds: ROUNDS, seconds: SECONDS }, dataDir);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
