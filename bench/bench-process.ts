import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface BenchProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs a server in its own process, so that the load generator and the server under test do
 * not share an event loop, and waits for the first stdout line that carries a `url`.
 */
export async function startProcess(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<BenchProcess> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      for (const line of output.split('\n')) {
        try {
          const parsed = JSON.parse(line) as { url?: string };
          if (parsed.url) resolve(parsed.url.replace(/\/graphql$/, ''));
        } catch {
          // not a complete JSON line yet
        }
      }
    });
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
