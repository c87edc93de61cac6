import type { TestErrorCode } from './connection-test.codes';
import type { TestContext } from './connection-test.context';
import type { TestStepKind } from './test-step';

/**
 * The connection-test hook every connector declares: which stages its test runs, how long the
 * whole test may take, and the test itself. Clients can show the plan before a test starts.
 */
export interface ConnectionTestPlan {
  steps: TestStepKind[];
  /** The limit for the whole test, in milliseconds. */
  timeoutMs: number;
  /** Runs the test with real clients; throws TestFailure to report what is wrong. */
  run: (context: TestContext) => Promise<void>;
  /** The fields whose values identify the account on the host, for the per-credential limit. */
  credentialFields?: string[];
  /**
   * This connector's advice for codes its test reports without a hint of its own: the
   * catalogue's hints are product-neutral, so anything naming this product's concepts (a
   * configuration file, a console page) belongs here.
   */
  hints?: Partial<Record<TestErrorCode, string>>;
  /**
   * Required fields the test itself can fill in (an SSH host key to pin): a test may run with
   * them empty, and then fails reporting what the server presented. Saving still requires them.
   */
  discovers?: string[];
}

export const DEFAULT_TEST_TIMEOUT_MS = 20_000;
