import { join } from 'node:path';
import { generateApiKey } from '../src/auth/api-key.format';
import { startPlugboard, startProcess } from './bench-process';
import { measure } from './measure';
import type { Target } from './scenarios';

const MAIN = join(__dirname, '../src/main.js');
const RAW = join(__dirname, 'raw-baseline.server.js');
const CONFIGS = Number(process.env.BENCH_HEALTH_CONFIGS ?? 1000);

const graphql = async (target: Target, query: string, variables: Record<string, unknown> = {}) => {
  const answer = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await answer.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
};

/** Health checks done so far, from the server's own counter. */
async function checksSoFar(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return [...text.matchAll(/^plugboard_health_checks_total\{status="(?:HEALTHY|FAILING|DEGRADED)"\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

const LIST =
  'query L { connectorConfigs(first: 20, filter: { connectorType: "sftp" }) { edges { node { id name health { status } } } } }';

/** Waits until the server has recorded at least `count` checks (or 30 s have passed). */
async function untilChecked(url: string, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await checksSoFar(url)) < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/**
 * How many configs one replica checks per minute while it serves the API, and what that costs
 * the API: a list query's throughput and p99 with no checks due, then while a backlog of
 * CONFIGS REST API configs (against a bare local HTTP server) is checked, as many at a time as
 * the default concurrency allows.
 *
 * The backlog is saved by a server whose scheduler does not look, and checked by a new server
 * on the same data whose scheduler looks every second: so every config is due when the
 * measurement starts, none was checked while the others were being saved, and the backlog
 * outlasts the measurement. (Saved through one server that also checks, the first configs were
 * checked while the rest were saved, and the figure measured how fast the bench saved.)
 */
export async function healthChecksScenario(options: { seconds: number }, dataDir: string): Promise<void> {
  const target = await startProcess(RAW, [], { BENCH_BODY: '{}' });
  const adminKey = generateApiKey('default').key;
  const data = join(dataDir, 'health');
  const common = { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32', PLUGBOARD_HEALTH_INTERVAL_SECONDS: '86400' };
  const body = JSON.stringify({ query: LIST });
  let server = await startPlugboard(MAIN, data, adminKey, { ...common, PLUGBOARD_HEALTH_TICK_SECONDS: '1' });
  let admin: Target = { url: server.url, headers: { authorization: `Bearer ${adminKey}` } };
  const create = (name: string, connectorType: string, values: Record<string, unknown>) =>
    graphql(
      admin,
      'mutation C($input: CreateConnectorConfigInput!) { createConnectorConfig(input: $input) { errors { message } } }',
      { input: { name, connectorType, values } },
    );
  try {
    // What the list reads: 20 SFTP configs, checked once (refused at once) before the baseline.
    for (let index = 0; index < 20; index += 1) {
      await create(`listed ${index}`, 'sftp', {
        host: '127.0.0.1',
        port: 1,
        username: 'u',
        authMethod: 'PASSWORD',
        password: 'p',
        hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
      });
    }
    await untilChecked(server.url, 20);
    await measure(admin, body, 2);
    const idle = await measure(admin, body, options.seconds);
    await server.stop();

    // The backlog, saved by a server that does not look for due checks.
    server = await startPlugboard(MAIN, data, adminKey, { ...common, PLUGBOARD_HEALTH_TICK_SECONDS: '3600' });
    admin = { url: server.url, headers: { authorization: `Bearer ${adminKey}` } };
    for (let index = 0; index < CONFIGS; index += 1) {
      // One path each: the per-credential test limit keys on the address.
      await create(`checked ${index}`, 'rest-api', { baseUrl: `${target.url}/c${index}`, authMethod: 'NONE' });
    }
    await server.stop();

    // A server that looks every second: the whole backlog is due. Measured from its first check.
    server = await startPlugboard(MAIN, data, adminKey, { ...common, PLUGBOARD_HEALTH_TICK_SECONDS: '1' });
    admin = { url: server.url, headers: { authorization: `Bearer ${adminKey}` } };
    await untilChecked(server.url, 1);
    await measure(admin, body, 1);
    const before = await checksSoFar(server.url);
    const started = Date.now();
    const busy = await measure(admin, body, options.seconds);
    const checked = (await checksSoFar(server.url)) - before;
    const minutes = (Date.now() - started) / 60_000;
    const left = CONFIGS - (await checksSoFar(server.url));
    console.log(
      `\nScenario: health checks while serving the API (${CONFIGS} REST API configs due at once, default concurrency)`,
    );
    console.table({
      'list query, no checks due': {
        'req/s': Math.round(idle.requestsPerSecond),
        'p99 ms': idle.p99Ms,
        errors: idle.errors,
      },
      'list query, while checking': {
        'req/s': Math.round(busy.requestsPerSecond),
        'p99 ms': busy.p99Ms,
        errors: busy.errors,
      },
    });
    console.log(
      `one replica checked ${checked} configs in ${(minutes * 60).toFixed(1)} s under that load: ${Math.round(checked / minutes)} per minute; the API kept ${(busy.requestsPerSecond / idle.requestsPerSecond).toFixed(2)}× its throughput, p99 ${(busy.p99Ms / Math.max(idle.p99Ms, 1)).toFixed(1)}×${left <= 0 ? ' (the backlog ran out: raise BENCH_HEALTH_CONFIGS)' : ''}`,
    );
  } finally {
    await server.stop();
    await target.stop();
  }
}
