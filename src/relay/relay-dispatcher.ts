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

/**
 * Relay agent groups: a relay may have several agents, on this replica or others. A test goes
 * to the least busy online agent; if that agent is gone or draining before the test reached it,
 * the next one takes it. An agent that drops a test it was running answers RELAY_DISCONNECTED.
 */
export class RelayDispatcher implements RelayBroker {
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
    const online = agents
      .filter((agent) => agentStatus(agent, this.options.heartbeatMs) === 'ONLINE')
      .sort((a, b) => a.testsRunning - b.testsRunning || this.isLocal(b) - this.isLocal(a));
    for (const agent of online) {
      const answer = this.isLocal(agent)
        ? await this.hub.run(agent.connectionId, request)
        : ((await this.remote?.send(agent, request)) ?? NOT_STARTED);
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

  async drain(tenantId: string, relayId: string, agent: string): Promise<boolean> {
    const agents = (await this.directory.list(tenantId, [relayId])).get(relayId) ?? [];
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
