import type { AgentDirectory } from './agent-directory.port';
import { relayKeyOf } from './agent-directory.port';
import type { AgentSnapshot } from './agent-snapshot';
import type { RedisConnection } from './redis-connection';

const agentKey = (agent: Pick<AgentSnapshot, 'tenantId' | 'relayId' | 'connectionId'>) =>
  `plugboard:relay-agent:${relayKeyOf(agent.tenantId, agent.relayId)}:${agent.connectionId}`;
const relayAgentsKey = (tenantId: string, relayId: string) => `plugboard:relay-agents:${relayKeyOf(tenantId, relayId)}`;

/**
 * The agent directory in Redis: a key per connection holding its snapshot, which expires unless
 * its replica refreshes it (every heartbeat, while the socket is open), and a set per relay
 * naming its connections. A replica that dies takes its agents with it within `ttlMs`.
 */
export class RedisAgentDirectory implements AgentDirectory {
  constructor(
    private readonly redis: RedisConnection,
    private readonly ttlMs: number,
  ) {}

  async announce(agent: AgentSnapshot): Promise<void> {
    const relayAgents = relayAgentsKey(agent.tenantId, agent.relayId);
    await this.redis.commands
      .multi()
      .set(agentKey(agent), JSON.stringify(agent), 'PX', this.ttlMs)
      .sadd(relayAgents, agent.connectionId)
      .pexpire(relayAgents, this.ttlMs)
      .exec();
  }

  async withdraw(agent: AgentSnapshot): Promise<void> {
    await this.redis.commands
      .multi()
      .del(agentKey(agent))
      .srem(relayAgentsKey(agent.tenantId, agent.relayId), agent.connectionId)
      .exec();
  }

  async list(tenantId: string, relayIds: readonly string[]): Promise<Map<string, AgentSnapshot[]>> {
    const found = new Map<string, AgentSnapshot[]>(relayIds.map((relayId) => [relayId, []]));
    if (!relayIds.length) return found;
    const members = relayIds.map(() => [] as string[]);
    const pipeline = this.redis.commands.pipeline();
    for (const relayId of relayIds) pipeline.smembers(relayAgentsKey(tenantId, relayId));
    for (const [index, [error, ids]] of ((await pipeline.exec()) ?? []).entries()) {
      if (error) throw error;
      members[index] = ids as string[];
    }
    const keys = relayIds.flatMap((relayId, index) =>
      members[index].map((connectionId) => ({ relayId, connectionId })),
    );
    if (!keys.length) return found;
    const snapshots = await this.redis.commands.mget(...keys.map((key) => agentKey({ tenantId, ...key })));
    const expired: { relayId: string; connectionId: string }[] = [];
    snapshots.forEach((text, index) => {
      if (text === null) expired.push(keys[index]);
      else found.get(keys[index].relayId)?.push(JSON.parse(text) as AgentSnapshot);
    });
    // Connections whose replica died: their snapshot expired; tidy the set (best effort).
    for (const { relayId, connectionId } of expired) {
      this.redis.commands.srem(relayAgentsKey(tenantId, relayId), connectionId).catch(() => {});
    }
    return found;
  }

  async isConnected(agent: Pick<AgentSnapshot, 'tenantId' | 'relayId' | 'connectionId'>): Promise<boolean> {
    return (await this.redis.commands.exists(agentKey(agent))) === 1;
  }
}
