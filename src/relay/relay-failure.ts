import type { TestError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';

/** A relayed test that failed before (or instead of) the agent's own answer. */
export const relayFailure = (error: TestError): ConnectionTestOutcome => ({
  ok: false,
  status: 'FAILED',
  durationMs: 0,
  steps: [],
  errors: [error],
});
