import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';

/**
 * The two connections a replica keeps to Redis: one for commands, one for subscriptions (a
 * subscribed connection can run nothing else). Both reconnect by themselves for as long as the
 * process lives; while Redis is down, commands fail at once instead of queueing, so a relay test
 * or a rate limit never hangs waiting for it.
 */
export interface RedisConnection {
  /** For commands; fails fast while disconnected. */
  readonly commands: Redis;
  /** For SUBSCRIBE only; resubscribes by itself after a reconnect. */
  readonly subscriber: Redis;
  /** Whether both connections are up right now. */
  isUp(): boolean;
  /** Called each time the subscriber comes back after an outage: messages sent meanwhile were missed. */
  onResubscribed(listener: () => void): void;
  /** Throws when Redis does not answer a PING within the command timeout (2 s). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A name for this process among the replicas: in Redis keys and channels, never a secret. */
export function newReplicaId(): string {
  return `${hostname()
    .replace(/[^A-Za-z0-9.-]/g, '-')
    .slice(0, 40)}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Where the URL points, for logs: never the password it may carry. */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

const commonOptions: RedisOptions = {
  connectTimeout: 2_000,
  // Back off to a reconnect every 2 s, forever: Redis coming back is recovered without a restart.
  retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
};

/** Connects to Redis; waits up to `startupWaitMs` for it, then goes on either way (readiness says). */
export async function openRedis(url: string, logger: Logger, startupWaitMs = 5_000): Promise<RedisConnection> {
  const commands = new Redis(url, {
    ...commonOptions,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 2_000,
    connectionName: 'plugboard',
  });
  const subscriber = new Redis(url, {
    ...commonOptions,
    maxRetriesPerRequest: null,
    autoResubscribe: true,
    connectionName: 'plugboard-subscriber',
  });
  const address = redisAddress(url);
  let reportedDown = false;
  const resubscribed: (() => void)[] = [];
  let subscriberWasUp = false;
  for (const [role, client] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: NodeJS.ErrnoException) => {
      // One warning per outage, not one per reconnect attempt.
      if (reportedDown) return;
      reportedDown = true;
      logger.warn({ redis: address, code: error.code, role }, 'Redis is unreachable; retrying');
    });
    client.on('ready', () => {
      if (reportedDown) logger.info({ redis: address }, 'Redis is reachable again');
      reportedDown = false;
      if (client === subscriber) {
        if (subscriberWasUp) for (const listener of resubscribed) listener();
        subscriberWasUp = true;
      }
    });
  }
  const up = () => commands.status === 'ready' && subscriber.status === 'ready';
  const deadline = Date.now() + startupWaitMs;
  while (!up() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  if (up()) logger.debug({ redis: address }, 'Redis connected');
  return {
    commands,
    subscriber,
    isUp: up,
    onResubscribed: (listener) => {
      resubscribed.push(listener);
    },
    // Bounded by the connection's commandTimeout; fails at once while disconnected.
    ping: async () => {
      await commands.ping();
    },
    close: async () => {
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
