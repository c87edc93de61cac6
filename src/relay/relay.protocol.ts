import type { ConnectionTestOutcome, TestRequest } from '../connector-kit/connection-test.result';

/**
 * The messages between Plugboard (the hub) and a relay agent, as JSON over one WebSocket that
 * the agent opens outbound to /relay. Jobs and results are correlated by id.
 */
export const RELAY_PATH = '/relay';

/** A test request as it travels: sets become arrays. */
export type RelayedTestRequest = Omit<TestRequest, 'savedLockedFields'> & { savedLockedFields: string[] };

export type AgentMessage =
  | { type: 'hello'; agentVersion: string; hostname: string }
  | { type: 'ping' }
  | { type: 'result'; id: string; outcome: ConnectionTestOutcome };

export type HubMessage =
  | { type: 'welcome'; heartbeatMs: number }
  | { type: 'pong' }
  | { type: 'test'; id: string; request: RelayedTestRequest };

/** Close codes the hub uses; the agent stops on REVOKED instead of reconnecting. */
export const CLOSE_REVOKED = 4001;
export const CLOSE_REPLACED = 4002;
export const CLOSE_SHUTDOWN = 1001;

export function parseMessage<T>(data: unknown): T | undefined {
  try {
    const parsed = JSON.parse(String(data)) as { type?: unknown };
    return typeof parsed?.type === 'string' ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
}
