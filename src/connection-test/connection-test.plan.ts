import { registerEnumType } from 'type-graphql';
import type { TestContext } from './test-context';

/** The stages a connection test moves through; results report each one. */
export enum TestStepKind {
  RESOLVE = 'RESOLVE',
  CONNECT = 'CONNECT',
  TLS = 'TLS',
  AUTHENTICATE = 'AUTHENTICATE',
  AUTHORIZE = 'AUTHORIZE',
}

registerEnumType(TestStepKind, {
  name: 'TestStepKind',
  description: 'A stage of a connection test, in the order they run.',
  valuesConfig: {
    RESOLVE: { description: 'Resolve the host name and check the address may be reached.' },
    CONNECT: { description: 'Open the network connection.' },
    TLS: { description: "Negotiate TLS and verify the server's certificate." },
    AUTHENTICATE: { description: 'Sign in with the credentials given.' },
    AUTHORIZE: { description: 'Probe one call that needs the permissions the integration uses.' },
  },
});

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
}

export const DEFAULT_TEST_TIMEOUT_MS = 20_000;
