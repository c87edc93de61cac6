import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface BenchProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs a server in its own process, so that the load generator and the server under test do
 * not share an event loop, and waits for the first stdout line that carries a `url`. After that
 * its output (an access-log line per request) is drained unread: reading it in the load
 * generator's process would slow the generator, and a full pipe would stall the server.
 */
export async function startProcess(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<BenchProcess> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const readStartup = (chunk: Buffer) => {
      output += chunk;
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const parsed = JSON.parse(line) as { url?: string };
          if (!parsed.url) continue;
          child.stdout?.off('data', readStartup);
          child.stdout?.on('data', () => {});
          resolve(parsed.url.replace(/\/graphql$/, ''));
          return;
        } catch {
          // not a JSON line
        }
      }
    };
    child.stdout?.on('data', readStartup);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'close');
    },
  };
}
