import type { ConnectionTestOutcome, TestRequest } from '../connector-kit/connection-test.result';

/**
 * The messages between Plugboard (the hub) and a relay agent, as JSON over one WebSocket that
 * the agent opens outbound to /relay. Jobs and results are correlated by id.
 */
export const RELAY_PATH = '/relay';
/** Where `plugboard relay --drain` asks for one agent of its relay to drain (relay token auth). */
export const RELAY_DRAIN_PATH = '/relay/drain';
/**
 * The header naming an agent within its relay. Several agents of one relay run on different
 * hosts with the same token; each has its own name, and a new connection under a name replaces
 * the old one (a restarted agent), on whichever replica that one is.
 */
export const AGENT_NAME_HEADER = 'x-plugboard-agent-name';
export const AGENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A test request as it travels: sets become arrays. */
export type RelayedTestRequest = Omit<TestRequest, 'savedLockedFields'> & { savedLockedFields: string[] };

export type AgentMessage =
  | { type: 'hello'; agentVersion: string; hostname: string }
  | { type: 'ping' }
  /** The agent is stopping (SIGTERM, or `drain` received): send it nothing new. */
  | { type: 'draining' }
  | { type: 'result'; id: string; outcome: ConnectionTestOutcome };

export type HubMessage =
  | { type: 'welcome'; heartbeatMs: number }
  | { type: 'pong' }
  /** Finish the running tests; the hub closes with CLOSE_DRAINED once they are done. */
  | { type: 'drain' }
  | { type: 'test'; id: string; request: RelayedTestRequest };

/** Close codes the hub uses; the agent stops on REVOKED and DRAINED instead of reconnecting. */
export const CLOSE_REVOKED = 4001;
export const CLOSE_REPLACED = 4002;
export const CLOSE_DRAINED = 4003;
export const CLOSE_SHUTDOWN = 1001;

export function parseMessage<T>(data: unknown): T | undefined {
  try {
    const parsed = JSON.parse(String(data)) as { type?: unknown };
    return typeof parsed?.type === 'string' ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
}
