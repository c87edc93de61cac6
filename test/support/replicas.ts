import type { ChildProcess } from 'node:child_process';
import { startServerProcess } from './server-process';

export interface Replica {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Stops it; SIGKILL leaves no time to say goodbye (a crashed replica). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts one real `plugboard serve` process. */
export async function startReplica(env: NodeJS.ProcessEnv): Promise<Replica> {
  const { child, url, output } = await startServerProcess(env);
  return {
    url,
    child,
    output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}

/** Starts several replicas at once, on the same environment (one store, one Redis). */
export function startReplicas(count: number, env: NodeJS.ProcessEnv): Promise<Replica[]> {
  return Promise.all(Array.from({ length: count }, () => startReplica(env)));
}
