import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import type { ConnectedGrant, ReportedExpiry, StepRecord, StepStatus } from './connection-test.result';
import type { Destinations } from './destinations.port';
import { classifyNetworkError } from './network-errors';
import type { SecretScrubber } from './secret-scrubber';
import { withPublicRoots } from './secure-contexts';
import { TestStepKind } from './test-step';

const STEP_VERBS: Readonly<Record<TestStepKind, string>> = {
  [TestStepKind.RESOLVE]: 'resolving the host',
  [TestStepKind.CONNECT]: 'connecting',
  [TestStepKind.TLS]: 'negotiating TLS',
  [TestStepKind.AUTHENTICATE]: 'signing in',
  [TestStepKind.AUTHORIZE]: 'checking permissions',
};

const stepTracer = trace.getTracer('plugboard');

/** The default limit of one step, within the whole test's limit. */
export const DEFAULT_STEP_TIMEOUT_MS = 10_000;

/**
 * What a connector's test gets: the validated values (locked ones as re-entered), where it may
 * connect, and `step()` to run each stage with its own time limit. Steps are recorded in order;
 * a step that fails or times out ends the test with an error that names the step and field.
 *
 * A step's verdict belongs inside it: a stage whose call returned but whose answer is a refusal
 * (a 401, an OAuth error, a missing schema) must throw from within `step()`, so the step is the
 * one shown FAILED. Judging the answer after `step()` returned would show it SUCCEEDED.
 */
export class TestContext {
  readonly steps: StepRecord[] = [];
  /**
   * An OAuth grant the person testing connected moments ago, when there is one: the only saved
   * credential a test may use (see connectedGrantToken).
   */
  connectedGrant?: ConnectedGrant;
  /**
   * Set for health checks: a connector that can read when a credential expires at the provider
   * (an Entra app's client secrets) reports it with `reportExpiry`. Never part of the verdict.
   */
  collectsExpiries = false;
  readonly reportedExpiries: ReportedExpiry[] = [];

  constructor(
    readonly values: Readonly<Record<string, unknown>>,
    readonly destinations: Destinations,
    readonly scrubber: SecretScrubber,
    /** Aborted when the whole test's time is up. */
    readonly signal: AbortSignal,
    private readonly defaultStepTimeoutMs = DEFAULT_STEP_TIMEOUT_MS,
    /** CA certificates the operator added to the public ones (a TLS-inspecting proxy, a private cloud). */
    private readonly extraCaCertificates: readonly string[] = [],
  ) {}

  /**
   * The authorities to trust for TLS: the CA a form field names (and only it), else the public
   * ones plus any the operator added; undefined means Node's public roots alone.
   */
  trustedCas(fieldCa?: string): string[] | undefined {
    if (fieldCa) return [fieldCa];
    return withPublicRoots(this.extraCaCertificates);
  }

  /** The limit of one step, for stages that wait less than a whole step for a first answer. */
  get stepTimeoutMs(): number {
    return this.defaultStepTimeoutMs;
  }

  reportExpiry(field: string, expiresAt: string): void {
    if (this.collectsExpiries && Number.isFinite(Date.parse(expiresAt))) {
      this.reportedExpiries.push({ field, expiresAt: new Date(expiresAt).toISOString() });
    }
  }

  text(field: string): string {
    const value = this.values[field];
    return value === undefined || value === null ? '' : String(value);
  }

  /**
   * Runs one stage. `field` is where a network, TLS or timeout failure of this stage is
   * reported. The stage's own signal aborts at its limit or the test's, whichever comes first.
   * When the stage ends, its timer is cleared and its signal unlinked from the test's, so the
   * listeners a client library hung on it (and the sockets they close over) can be collected
   * at once rather than when a timer fires.
   */
  async step<T>(
    kind: TestStepKind,
    run: (signal: AbortSignal) => Promise<T>,
    options: { field?: string; timeoutMs?: number } = {},
  ): Promise<T> {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? this.defaultStepTimeoutMs;
    const stage = new AbortController();
    const { signal } = stage;
    const abortStage = () => stage.abort();
    const timer = setTimeout(abortStage, timeoutMs);
    if (this.signal.aborted) stage.abort();
    else this.signal.addEventListener('abort', abortStage, { once: true });
    const timedOut = () =>
      new TestFailure(Code.TIMEOUT, {
        field: options.field,
        message: `No answer within ${Math.round(timeoutMs / 1000)} s while ${STEP_VERBS[kind]}.`,
      });
    // A span per step (a child of the test's): its kind and outcome code, never a value or message.
    const span = stepTracer.startSpan(`connection_test.step ${kind}`, { attributes: { 'plugboard.test.step': kind } });
    try {
      const result = await context.with(
        trace.setSpan(context.active(), span),
        () =>
          new Promise<T>((resolve, reject) => {
            const onAbort = () => reject(timedOut());
            if (signal.aborted) return onAbort();
            signal.addEventListener('abort', onAbort, { once: true });
            run(signal)
              .then(resolve, reject)
              .finally(() => signal.removeEventListener('abort', onAbort));
          }),
      );
      this.record(kind, 'SUCCEEDED', started);
      span.end();
      return result;
    } catch (error) {
      this.record(kind, 'FAILED', started);
      const failure =
        signal.aborted && !(error instanceof TestFailure && error.error.code !== Code.TIMEOUT)
          ? timedOut()
          : classifyNetworkError(error, options.field);
      span.setAttribute('plugboard.error.code', failure?.error.code ?? 'UNEXPECTED');
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      if (!failure) throw error;
      failure.error.step ??= kind;
      throw failure;
    } finally {
      clearTimeout(timer);
      this.signal.removeEventListener('abort', abortStage);
    }
  }

  private record(kind: TestStepKind, status: StepStatus, started: number): void {
    this.steps.push({ kind, status, durationMs: Math.round(performance.now() - started) });
  }
}
