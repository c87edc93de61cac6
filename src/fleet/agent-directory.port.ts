import type { AgentSnapshot } from './agent-snapshot';

/**
 * Where every replica finds a relay's connected agents. The replica holding an agent's socket
 * announces it (on connect, on each heartbeat, when its load changes) and withdraws it on close;
 * an agent whose replica died disappears when its announcement expires (three heartbeats).
 */
export interface AgentDirectory {
  announce(agent: AgentSnapshot): Promise<void>;
  withdraw(agent: AgentSnapshot): Promise<void>;
  /** The agents of each relay asked for, in one round trip however many relays. */
  list(tenantId: string, relayIds: readonly string[]): Promise<Map<string, AgentSnapshot[]>>;
  /** Whether this connection is still announced (its replica and socket alive). */
  isConnected(agent: Pick<AgentSnapshot, 'tenantId' | 'relayId' | 'connectionId'>): Promise<boolean>;
}

export const relayKeyOf = (tenantId: string, relayId: string) => `${tenantId}/${relayId}`;

/** One process: the directory is a map. */
export class LocalAgentDirectory implements AgentDirectory {
  private readonly byRelay = new Map<string, Map<string, AgentSnapshot>>();

  async announce(agent: AgentSnapshot): Promise<void> {
    const key = relayKeyOf(agent.tenantId, agent.relayId);
    const agents = this.byRelay.get(key) ?? new Map<string, AgentSnapshot>();
    agents.set(agent.connectionId, { ...agent });
    this.byRelay.set(key, agents);
  }

  async withdraw(agent: AgentSnapshot): Promise<void> {
    const key = relayKeyOf(agent.tenantId, agent.relayId);
    const agents = this.byRelay.get(key);
    agents?.delete(agent.connectionId);
    if (agents?.size === 0) this.byRelay.delete(key);
  }

  async list(tenantId: string, relayIds: readonly string[]): Promise<Map<string, AgentSnapshot[]>> {
    return new Map(
      relayIds.map((relayId) => [relayId, [...(this.byRelay.get(relayKeyOf(tenantId, relayId))?.values() ?? [])]]),
    );
  }

  async isConnected(agent: Pick<AgentSnapshot, 'tenantId' | 'relayId' | 'connectionId'>): Promise<boolean> {
    return this.byRelay.get(relayKeyOf(agent.tenantId, agent.relayId))?.has(agent.connectionId) ?? false;
  }
}
