import { Writable } from 'node:stream';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

export interface TestServer extends RunningApp {
  /** Every log line the server wrote, as text. */
  logs: () => string;
}

/** Starts the real server on an ephemeral loopback port, with its logs captured. */
export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  const app = await startApp(config, createLogger('debug', sink));
  return { ...app, logs: () => lines.join('') };
}
