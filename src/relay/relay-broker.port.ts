import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';
import type { AgentSnapshot, RelayLiveState } from '../fleet/agent-snapshot';
import type { RelayedTestRequest } from './relay.protocol';
import type { AgentAnswer } from './relay-hub';

export type { RelayLiveState, RelayStatus } from '../fleet/agent-snapshot';

/**
 * How the rest of Plugboard reaches relay agents, wherever they are connected: on this process,
 * or (with Redis) on another replica. Implemented by `RelayDispatcher`.
 */
export interface RelayBroker {
  /** Runs a test on one of a relay's agents (the least busy): its outcome, or a RELAY_* failure. */
  dispatch(tenantId: string, relayId: string, request: RelayedTestRequest): Promise<ConnectionTestOutcome>;
  /** What each relay's agents report, in one directory read for all of them. */
  states(tenantId: string, relayIds: readonly string[]): Promise<Map<string, RelayLiveState>>;
  /** Asks a relay's agent to finish its tests and stop; false when no agent has that name. */
  drain(tenantId: string, relayId: string, agent: string): Promise<boolean>;
  /** Drops a relay's agents at once, on every replica (token revoked or rotated). */
  disconnect(tenantId: string, relayId: string): Promise<void>;
  /** How many agents are connected to this process, for metrics. */
  connectedAgents(): number;
}

/** Sends a test to an agent held by another replica. */
export interface RemoteAgentJobs {
  send(agent: AgentSnapshot, request: RelayedTestRequest): Promise<AgentAnswer>;
}
