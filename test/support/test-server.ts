import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type AppOverrides, type RunningApp, startApp } from '../../src/app';
import { generateApiKey } from '../../src/auth/api-key.format';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { loadConfig } from '../../src/environment';
import { createLogger } from '../../src/logger';

export interface TestServer extends RunningApp {
  /** Every log line the server wrote, as text. */
  logs: () => string;
  /** An admin key of the `default` tenant. */
  adminKey: string;
  dataDir: string;
}

/**
 * Starts the real server on an ephemeral loopback port, with its own data directory (SQLite
 * file and key file), a known admin key, and its logs captured.
 */
export async function startTestServer(env: NodeJS.ProcessEnv = {}, overrides: AppOverrides = {}): Promise<TestServer> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-test-'));
  const adminKey = generateApiKey('default').key;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_BOOTSTRAP_ADMIN_KEY: adminKey,
    // The scheduler would check saved configs against the tests' peers on its own time.
    PLUGBOARD_HEALTH_TICK_SECONDS: '3600',
    PLUGBOARD_GRAPHQL_COMPILE_AFTER: process.env.PLUGBOARD_GRAPHQL_COMPILE_AFTER,
    ...env,
  });
  const catalogue = overrides.catalogue ?? defaultCatalogue();
  const logger = createLogger('debug', { destination: sink, lockedFieldNames: catalogue.lockedFieldNames() });
  const app = await startApp(config, logger, { ...overrides, catalogue });
  return {
    ...app,
    adminKey,
    dataDir,
    logs: () => lines.join(''),
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
