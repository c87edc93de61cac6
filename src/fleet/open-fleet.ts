import type { PlugboardConfig } from '../environment';
import type { Logger } from '../logger';
import { type AgentDirectory, LocalAgentDirectory } from './agent-directory.port';
import { type FleetEvents, LocalFleetEvents, RedisFleetEvents } from './fleet-events';
import { type GrantLocks, LocalGrantLocks } from './grant-locks.port';
import { RedisAgentDirectory } from './redis-agent-directory';
import { newReplicaId, openRedis, type RedisConnection } from './redis-connection';
import { RedisGrantLocks } from './redis-grant-locks';
import { RedisTestSlots } from './redis-test-slots';
import type { SharedTestSlots } from './shared-test-slots.port';

/**
 * What this process shares with the other replicas: nothing on one process (everything in
 * memory, exactly as without Redis), or Redis when PLUGBOARD_REDIS_URL is set.
 */
export interface Fleet {
  replicaId: string;
  events: FleetEvents;
  agents: AgentDirectory;
  testSlots?: SharedTestSlots;
  grantLocks: GrantLocks;
  redis?: RedisConnection;
  close(): Promise<void>;
}

/** How long a shared test slot outlives a replica that died holding it. */
const TEST_SLOT_TTL_MS = 30_000;
/** How long a grant's lock outlives a replica that died refreshing it. */
const GRANT_LOCK_TTL_MS = 30_000;

export async function openFleet(config: PlugboardConfig, logger: Logger): Promise<Fleet> {
  const replicaId = newReplicaId();
  if (!config.redis) {
    return {
      replicaId,
      events: new LocalFleetEvents(),
      agents: new LocalAgentDirectory(),
      grantLocks: new LocalGrantLocks(),
      close: async () => {},
    };
  }
  const redis = await openRedis(config.redis.url, logger);
  return {
    replicaId,
    redis,
    events: await RedisFleetEvents.open(redis, replicaId, logger),
    // An agent's announcement outlives three missed refreshes, as a silent agent turns DEGRADED.
    agents: new RedisAgentDirectory(redis, 3 * config.relays.heartbeatMs),
    testSlots: new RedisTestSlots(redis, TEST_SLOT_TTL_MS, logger),
    grantLocks: new RedisGrantLocks(redis, GRANT_LOCK_TTL_MS, logger),
    close: () => redis.close(),
  };
}
