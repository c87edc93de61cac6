import { type AgentSnapshot, agentStatus } from '../../fleet/agent-snapshot';
import { toGlobalId } from '../../global-id';
import type { StoredRelay } from '../../store/store.types';
import { Relay, RelayAgent, RelayAgentStatusName } from './relay.type';

/**
 * A stored relay as the schema shows it. What the store knows is mapped here; what its agent
 * reports live (status, last seen, version, host) is read by field resolvers, only when asked.
 */
export function toRelay(record: StoredRelay): Relay {
  return Object.assign(new Relay(), {
    id: toGlobalId('Relay', record.id),
    name: record.name,
    testsRun: record.testsRun ?? 0,
    testsFailed: record.testsFailed ?? 0,
    createdAt: new Date(record.createdAt),
    revokedAt: record.revokedAt ? new Date(record.revokedAt) : null,
    record,
  });
}

export function toRelayOrNull(record: StoredRelay | undefined): Relay | null {
  return record ? toRelay(record) : null;
}

export function toRelayAgent(agent: AgentSnapshot, heartbeatMs: number): RelayAgent {
  return Object.assign(new RelayAgent(), {
    name: agent.name,
    status: RelayAgentStatusName[agentStatus(agent, heartbeatMs)],
    hostname: agent.hostname,
    agentVersion: agent.agentVersion,
    connectedSince: new Date(agent.connectedSince),
    lastSeenAt: new Date(agent.lastSeenAt),
    testsRunning: agent.testsRunning,
    testsRun: agent.testsRun,
    testsFailed: agent.testsFailed,
  });
}
