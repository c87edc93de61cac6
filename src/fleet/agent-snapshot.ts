/**
 * One connected relay agent as every replica sees it: written by the replica that holds its
 * WebSocket, read by any. Dates are ISO strings so the snapshot travels as JSON unchanged.
 */
export interface AgentSnapshot {
  tenantId: string;
  relayId: string;
  /** The agent's name within its relay (`--name`, by default its host name). */
  name: string;
  /** This connection; a reconnect is a new one. */
  connectionId: string;
  /** The replica holding the connection. */
  replicaId: string;
  hostname: string | null;
  agentVersion: string | null;
  connectedSince: string;
  lastSeenAt: string;
  testsRunning: number;
  testsRun: number;
  testsFailed: number;
  /** Takes no new tests; stops once its running ones finish. */
  draining: boolean;
}

export type AgentStatus = 'ONLINE' | 'DEGRADED' | 'DRAINING';
export type RelayStatus = 'ONLINE' | 'OFFLINE' | 'DEGRADED';

/** DRAINING when asked to stop, DEGRADED when silent for three heartbeats, else ONLINE. */
export function agentStatus(agent: AgentSnapshot, heartbeatMs: number, now = Date.now()): AgentStatus {
  if (agent.draining) return 'DRAINING';
  return now - Date.parse(agent.lastSeenAt) > 3 * heartbeatMs ? 'DEGRADED' : 'ONLINE';
}

/** What the relay as a whole shows, from its agents. */
export interface RelayLiveState {
  status: RelayStatus;
  /** The earliest connection among its agents. */
  connectedSince: Date | null;
  /** The latest word from any of its agents. */
  lastSeenAt: Date | null;
  /** The version and host of its longest-connected online agent (or any, when none is online). */
  agentVersion: string | null;
  hostname: string | null;
  /** Its agents, longest-connected first. */
  agents: AgentSnapshot[];
  /** Whether its agents run different versions. */
  agentVersionsDiffer: boolean;
}

/**
 * OFFLINE with no agent; ONLINE when every agent is online; DEGRADED when some agent is silent
 * or draining (tests still run while one is online, but the group has lost capacity).
 */
export function relayLiveState(agents: AgentSnapshot[], heartbeatMs: number, now = Date.now()): RelayLiveState {
  const sorted = [...agents].sort(
    (a, b) => a.connectedSince.localeCompare(b.connectedSince) || a.name.localeCompare(b.name),
  );
  if (!sorted.length) {
    return {
      status: 'OFFLINE',
      connectedSince: null,
      lastSeenAt: null,
      agentVersion: null,
      hostname: null,
      agents: [],
      agentVersionsDiffer: false,
    };
  }
  const statuses = sorted.map((agent) => agentStatus(agent, heartbeatMs, now));
  const shown = sorted[statuses.indexOf('ONLINE')] ?? sorted[0];
  const versions = new Set(sorted.map((agent) => agent.agentVersion).filter(Boolean));
  return {
    status: statuses.every((status) => status === 'ONLINE') ? 'ONLINE' : 'DEGRADED',
    connectedSince: new Date(sorted[0].connectedSince),
    lastSeenAt: new Date(Math.max(...sorted.map((agent) => Date.parse(agent.lastSeenAt)))),
    agentVersion: shown.agentVersion,
    hostname: shown.hostname,
    agents: sorted,
    agentVersionsDiffer: versions.size > 1,
  };
}
