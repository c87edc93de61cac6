import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../src/auth/api-key.format';
import { startProcess } from './bench-process';
import { type Measurement, measure, summarise } from './measure';
import { SCENARIOS, type Target } from './scenarios';

const UNHARDENED = join(__dirname, 'unhardened.server.js');

/**
 * What the hardening costs on the hottest path, the catalogue query: the same document against
 * the server without limits, rate limits, headers and policies (anonymous), and against the
 * real server anonymous (limits, rate limit, headers) and with an API key (plus authentication).
 * Alternating rounds, medians, ratios to the unhardened server.
 */
export async function hardeningScenario(
  plugboard: Target,
  { rounds, seconds }: { rounds: number; seconds: number },
): Promise<void> {
  const body = SCENARIOS[0].body;
  const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-bench-unhardened-'));
  const bare = await startProcess(UNHARDENED, [], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_BOOTSTRAP_ADMIN_KEY: generateApiKey('default').key,
  });
  const variants: [string, Target][] = [
    ['unhardened, anonymous', { url: bare.url, headers: {} }],
    ['hardened, anonymous (limits, rate limit, headers)', { url: plugboard.url, headers: {} }],
    ['hardened, API key (+ authentication)', plugboard],
  ];
  try {
    const samples = variants.map((): Measurement[] => []);
    for (const [, target] of variants) await measure(target, body, 2);
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, [, target]] of variants.entries()) samples[index].push(await measure(target, body, seconds));
    }
    const results = samples.map(summarise);
    const base = results[0].requestsPerSecond;
    console.log('\nScenario: what the hardening costs (catalogue query)');
    console.table(
      Object.fromEntries(
        variants.map(([name], index) => [
          name,
          {
            'req/s': Math.round(results[index].requestsPerSecond),
            'p99 ms': results[index].p99Ms,
            errors: results[index].errors,
            'ratio to unhardened': Number((results[index].requestsPerSecond / base).toFixed(3)),
          },
        ]),
      ),
    );
  } finally {
    await bare.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
