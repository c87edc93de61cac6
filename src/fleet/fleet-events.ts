import type { Logger } from '../logger';
import type { RedisConnection } from './redis-connection';

/**
 * What one replica tells all of them (itself included). Each names what changed, never a value:
 * a revoked key's id, a relay's id, an agent's name.
 */
export type FleetEvent =
  | { type: 'api-key-revoked'; tenantId: string; keyId: string }
  | { type: 'relay-token-revoked'; tenantId: string; relayId: string }
  | { type: 'relay-agent-drain'; tenantId: string; relayId: string; agent: string }
  /** An agent connected under a name another connection held: that one closes, wherever it is. */
  | { type: 'relay-agent-replaced'; tenantId: string; relayId: string; agent: string; connectionId: string }
  /** This replica may have missed events (Redis was down): forget what they would have changed. */
  | { type: 'events-missed' };

export interface FleetEvents {
  /** Delivers to every replica, this one at once; never throws (a lost broadcast is logged). */
  publish(event: FleetEvent): Promise<void>;
  subscribe(listener: (event: FleetEvent) => void): void;
}

/** One process: events go straight to its own listeners. */
export class LocalFleetEvents implements FleetEvents {
  private readonly listeners: ((event: FleetEvent) => void)[] = [];

  async publish(event: FleetEvent): Promise<void> {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: FleetEvent) => void): void {
    this.listeners.push(listener);
  }
}

const CHANNEL = 'plugboard:fleet-events';

/**
 * Several replicas: events go over one Redis pub/sub channel. This replica hears its own event
 * at once (not only when Redis echoes it), so a revocation takes effect here even while Redis
 * is down; when the subscriber comes back after an outage, listeners hear `events-missed`.
 */
export class RedisFleetEvents implements FleetEvents {
  private readonly local = new LocalFleetEvents();

  private constructor(
    private readonly redis: RedisConnection,
    private readonly replicaId: string,
    private readonly logger: Logger,
  ) {}

  static async open(redis: RedisConnection, replicaId: string, logger: Logger): Promise<RedisFleetEvents> {
    const events = new RedisFleetEvents(redis, replicaId, logger);
    redis.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      const message = parse(text);
      if (message && message.from !== replicaId) void events.local.publish(message.event);
    });
    redis.onResubscribed(() => void events.local.publish({ type: 'events-missed' }));
    // Not awaited: with Redis down at startup the command waits in ioredis's queue until it
    // connects, and the server must start meanwhile (and say it is not ready).
    redis.subscriber.subscribe(CHANNEL).catch(() => {});
    return events;
  }

  async publish(event: FleetEvent): Promise<void> {
    await this.local.publish(event);
    try {
      await this.redis.commands.publish(CHANNEL, JSON.stringify({ from: this.replicaId, event }));
    } catch (error) {
      this.logger.warn(
        { err: error, event: event.type },
        'could not tell the other replicas; they catch up when Redis is back',
      );
    }
  }

  subscribe(listener: (event: FleetEvent) => void): void {
    this.local.subscribe(listener);
  }
}

function parse(text: string): { from: string; event: FleetEvent } | undefined {
  try {
    const message = JSON.parse(text) as { from?: unknown; event?: { type?: unknown } };
    return typeof message.from === 'string' && typeof message.event?.type === 'string'
      ? (message as { from: string; event: FleetEvent })
      : undefined;
  } catch {
    return undefined;
  }
}
