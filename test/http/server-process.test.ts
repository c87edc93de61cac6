import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../dist/src/main.js');

/** Starts the compiled CLI as `npm start` does, and waits for its startup line. */
async function startServerProcess(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no startup line:\n${output}`)), 20_000);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/[^\s"]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
  });
  return { child, url, output: () => output };
}

describe('the server process', () => {
  it('logs one startup line saying where it listens, serves, and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await startServerProcess();
    const lines = output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, url: `${url}/graphql` });

    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);

    child.kill('SIGTERM');
    // 'close' rather than 'exit': it waits for the last output to be read.
    const [code] = await once(child, 'close');
    expect(code).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
  });
});
