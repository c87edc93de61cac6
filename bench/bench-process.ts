import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export interface BenchProcess {
  url: string;
  /** Its resident set size now, in MiB (Linux: /proc/<pid>/status). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/**
 * Runs a server in its own process, so that the load generator and the server under test do
 * not share an event loop, and waits for the first stdout line that carries a `url`. After that
 * its output (an access-log line per request) is drained unread: reading it in the load
 * generator's process would slow the generator, and a full pipe would stall the server.
 */
export async function startProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeOptions: string[] = [],
): Promise<BenchProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, script, ...args], {
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
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'close');
    },
  };
}

/**
 * A Plugboard server process on the embedded store, with an admin key and extra environment.
 * BENCH_PROFILE_DIR=<dir> has it write a V8 CPU profile there when it stops (open it in Chrome's
 * DevTools or speedscope), to see where a scenario's time goes.
 */
export function startPlugboard(
  main: string,
  dataDir: string,
  adminKey: string,
  env: NodeJS.ProcessEnv = {},
): Promise<BenchProcess> {
  return startProcess(
    main,
    ['serve'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      PLUGBOARD_DATA_DIR: dataDir,
      PLUGBOARD_BOOTSTRAP_ADMIN_KEY: adminKey,
      // One load generator is one caller: the limit stays on (its cost is measured) but out of reach.
      PLUGBOARD_RATE_LIMIT_PER_MINUTE: '1000000',
      // Health checks of the configs a scenario saves would run in the middle of its measurements;
      // the health scenario sets its own tick.
      PLUGBOARD_HEALTH_TICK_SECONDS: '3600',
      ...env,
    },
    process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
  );
}
