import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { testError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';
import type { AgentDirectory } from '../fleet/agent-directory.port';
import { type AgentSnapshot, agentStatus, type RelayLiveState, relayLiveState } from '../fleet/agent-snapshot';
import type { FleetEvents } from '../fleet/fleet-events';
import type { Logger } from '../logger';
import type { RelayedTestRequest } from './relay.protocol';
import type { RelayBroker, RemoteAgentJobs } from './relay-broker.port';
import { relayFailure } from './relay-failure';
import { NOT_STARTED, type RelayHub } from './relay-hub';

/** The shared directory of agents (Redis) cannot be reached now. */
export class RelayServiceUnavailable extends Error {
  constructor() {
    super('Plugboard cannot reach the service that connects it to relay agents right now. Try again in a minute.');
  }
}

/**
 * Relay agent groups: a relay may have several agents, on this replica or others. A test goes
 * to the least busy online agent; if that agent is gone or draining before the test reached it,
 * the next one takes it. An agent that drops a test it was running answers RELAY_DISCONNECTED.
 */
export class RelayDispatcher implements RelayBroker {
  /**
   * Tests this replica has sent to each agent and not yet seen answered. Announced counts lag by
   * a round trip, so a burst from one replica would otherwise all pick the same agent.
   */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly hub: RelayHub,
    private readonly directory: AgentDirectory,
    private readonly remote: RemoteAgentJobs | undefined,
    private readonly events: FleetEvents,
    private readonly options: { heartbeatMs: number; replicaId: string },
    private readonly logger: Logger,
  ) {}

  async dispatch(tenantId: string, relayId: string, request: RelayedTestRequest): Promise<ConnectionTestOutcome> {
    let agents: AgentSnapshot[];
    try {
      agents = (await this.directory.list(tenantId, [relayId])).get(relayId) ?? [];
    } catch (error) {
      this.logger.warn({ err: error, tenantId, relayId }, 'relay directory unreadable');
      return relayFailure(testError(Code.RELAY_SERVICE_UNAVAILABLE));
    }
    const online = agents.filter((agent) => agentStatus(agent, this.options.heartbeatMs) === 'ONLINE');
    const tried = new Set<string>();
    for (;;) {
      // Re-ranked before each attempt: the counts move while earlier candidates are tried.
      const agent = online
        .filter((candidate) => !tried.has(candidate.connectionId))
        .sort((a, b) => this.load(a) - this.load(b) || this.isLocal(b) - this.isLocal(a))[0];
      if (!agent) break;
      tried.add(agent.connectionId);
      const answer = await this.send(agent, request);
      if (answer !== NOT_STARTED) return answer;
    }
    const draining = agents.some((agent) => agent.draining);
    return relayFailure(
      testError(
        Code.RELAY_OFFLINE,
        draining ? { message: "This relay's agents are draining: none takes new tests." } : {},
      ),
    );
  }

  private async send(agent: AgentSnapshot, request: RelayedTestRequest) {
    const { connectionId } = agent;
    this.sent.set(connectionId, (this.sent.get(connectionId) ?? 0) + 1);
    try {
      return this.isLocal(agent)
        ? await this.hub.run(connectionId, request)
        : ((await this.remote?.send(agent, request)) ?? NOT_STARTED);
    } finally {
      const left = (this.sent.get(connectionId) ?? 1) - 1;
      if (left > 0) this.sent.set(connectionId, left);
      else this.sent.delete(connectionId);
    }
  }

  /**
   * Tests running on an agent as far as this replica knows: the announced count (every
   * replica's tests, a round trip late) or the ones sent from here (exact), whichever is more.
   */
  private load(agent: AgentSnapshot): number {
    return Math.max(agent.testsRunning, this.sent.get(agent.connectionId) ?? 0);
  }

  private isLocal(agent: AgentSnapshot): number {
    return agent.replicaId === this.options.replicaId ? 1 : 0;
  }

  async states(tenantId: string, relayIds: readonly string[]): Promise<Map<string, RelayLiveState>> {
    let agents: Map<string, AgentSnapshot[]>;
    try {
      agents = await this.directory.list(tenantId, relayIds);
    } catch (error) {
      // The shared directory is down: show what this replica holds, rather than nothing.
      this.logger.warn({ err: error }, 'relay directory unreadable; showing this replica’s agents only');
      agents = new Map(relayIds.map((relayId) => [relayId, this.hub.localAgents(tenantId, relayId)]));
    }
    return new Map(
      relayIds.map((relayId) => [relayId, relayLiveState(agents.get(relayId) ?? [], this.options.heartbeatMs)]),
    );
  }

  /** Throws RelayServiceUnavailable when the shared directory cannot be read. */
  async drain(tenantId: string, relayId: string, agent: string): Promise<boolean> {
    let agents: AgentSnapshot[];
    try {
      agents = (await this.directory.list(tenantId, [relayId])).get(relayId) ?? [];
    } catch (error) {
      this.logger.warn({ err: error, tenantId, relayId }, 'relay directory unreadable');
      throw new RelayServiceUnavailable();
    }
    if (!agents.some((candidate) => candidate.name === agent)) return false;
    await this.events.publish({ type: 'relay-agent-drain', tenantId, relayId, agent });
    return true;
  }

  async disconnect(tenantId: string, relayId: string): Promise<void> {
    await this.events.publish({ type: 'relay-token-revoked', tenantId, relayId });
  }

  connectedAgents(): number {
    return this.hub.connectedAgents();
  }
}
