import type { FormSectionKind } from '../forms/form.enums';
import type { TestError } from './connection-test.failure';
import type { TestStepKind } from './test-step';

export type StepStatus = 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

/** How one stage of a test went. */
export interface StepRecord {
  kind: TestStepKind;
  status: StepStatus;
  durationMs: number;
}

/** A just-connected grant's access token and the non-secret values its token answer carried. */
export interface ConnectedGrant {
  accessToken: string;
  providerValues: Readonly<Record<string, string>>;
}

/** A test to run: on the server, or sent to a relay agent as it is. */
export interface TestRequest {
  tenantId: string;
  connectorKey: string;
  integrationKey?: string | null;
  /** The form's values; locked fields as re-entered for this test. */
  values: Record<string, unknown>;
  /** Locked fields that hold a saved value on the config being tested, if any. */
  savedLockedFields?: ReadonlySet<string>;
  /** The request that asked for the test: an unexpected failure names it, and is logged under it. */
  requestId?: string;
  /** A grant the person testing connected moments ago (authorization code configs only). */
  connectedGrant?: ConnectedGrant;
  /** A health check: connectors may also read what the provider says about credential expiry. */
  collectExpiries?: boolean;
}

/** When the provider says a credential in a field expires (read during health checks). */
export interface ReportedExpiry {
  field: string;
  expiresAt: string;
}

export type TestStatus = 'SUCCEEDED' | 'FAILED' | 'REFUSED';

/** A test error as callers see it: scrubbed, and placed in its form section. */
export interface ReportedTestError extends TestError {
  section?: FormSectionKind;
}

/** What a connection test answers, wherever it ran. */
export interface ConnectionTestOutcome {
  ok: boolean;
  /** REFUSED: nothing was attempted (invalid input, locked fields not re-entered, limits). */
  status: TestStatus;
  durationMs: number;
  steps: StepRecord[];
  errors: ReportedTestError[];
  /** Expiries the provider reported, when the request asked (health checks). */
  reportedExpiries?: ReportedExpiry[];
}
