import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const REDIS_SERVER = process.env.PLUGBOARD_REDIS_SERVER || '/usr/bin/redis-server';

export interface RedisPeer {
  url: string;
  port: number;
  /** Kills the server at once (SIGKILL), as a crash or a network loss would look. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A real Redis (Debian's redis-server) on a free loopback port, in memory only. */
export async function startRedis(): Promise<RedisPeer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      started.stdout?.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`${REDIS_SERVER} cannot run (${error.message}); install Debian's redis-server`));
      });
      started.once('exit', () => reject(new Error(`redis-server exited:\n${output}`)));
    });
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  return { url: `redis://127.0.0.1:${port}`, port, kill, restart: launch, stop: kill };
}
