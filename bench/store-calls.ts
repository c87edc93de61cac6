import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp } from '../src/app';
import { loadConfig } from '../src/environment';
import { createLogger } from '../src/logger';
import { meteredStore } from '../src/store/metered.store';
import { SqliteStore } from '../src/store/sqlite/sqlite.store';
import { post, type Scenario } from './scenarios';

const REQUESTS = 20;

/** Counts the store calls a scenario's request makes, in a separate in-process server. */
export async function storeCallsPerRequest(
  scenario: Scenario,
  adminKey: string,
): Promise<{ perRequest: number; detail: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-bench-calls-'));
  const counts = new Map<string, number>();
  const store = new SqliteStore(':memory:');
  const counting = meteredStore(store, (operation) => counts.set(operation, (counts.get(operation) ?? 0) + 1));
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_BOOTSTRAP_ADMIN_KEY: adminKey,
  });
  const app = await startApp(config, createLogger('silent', { destination: quiet }), { store: counting });
  try {
    const headers: Record<string, string> = scenario.authenticated ? { authorization: `Bearer ${adminKey}` } : {};
    const target = { url: app.url, headers };
    await scenario.prepare?.(target);
    await post(target, scenario.body);
    counts.clear();
    for (let index = 0; index < REQUESTS; index += 1) await post(target, scenario.body);
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const detail = [...counts.entries()].map(([name, n]) => `${name} ${n / REQUESTS}`).join(', ') || 'none';
    return { perRequest: total / REQUESTS, detail };
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
