import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';
import type { RelayedTestRequest } from './relay.protocol';

export type RelayStatus = 'ONLINE' | 'OFFLINE' | 'DEGRADED';

/** What the broker knows of a relay's agent right now. */
export interface RelayLiveState {
  status: RelayStatus;
  connectedSince: Date | null;
  lastSeenAt: Date | null;
  agentVersion: string | null;
  hostname: string | null;
}

/**
 * How the rest of Plugboard reaches relay agents, wherever they are connected. `RelayHub` is the
 * single-replica implementation (the agent is connected to this process). With several
 * replicas, an implementation over a shared message engine (Azure Web PubSub, or Redis pub/sub)
 * forwards to the replica that holds the agent's connection — see docs/relays.md.
 */
export interface RelayBroker {
  /** Runs a test on a relay's agent: its outcome, or a RELAY_* failure. */
  dispatch(tenantId: string, relayId: string, request: RelayedTestRequest): Promise<ConnectionTestOutcome>;
  /** Whether a relay's agent is connected, and what it reported. */
  state(tenantId: string, relayId: string): RelayLiveState;
  /** Drops a relay's agent at once (token revoked or rotated). */
  disconnect(tenantId: string, relayId: string): void;
  /** How many agents are connected here, for metrics. */
  connectedAgents(): number;
}
