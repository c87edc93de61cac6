import { context as otelContext, trace } from '@opentelemetry/api';
import type { Catalogue, ConnectorForm } from '../catalogue/catalogue';
import { firstOfMany } from '../configs/config-errors';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { TestContext } from '../connector-kit/connection-test.context';
import { type TestError, TestFailure, testError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestPlan } from '../connector-kit/connection-test.plan';
import type {
  ConnectionTestOutcome,
  ReportedTestError,
  StepRecord,
  TestRequest,
  TestStatus,
} from '../connector-kit/connection-test.result';
import type { Destinations } from '../connector-kit/destinations.port';
import { ERROR_CATALOGUE } from '../connector-kit/error-catalogue';
import { SecretScrubber } from '../connector-kit/secret-scrubber';
import type { FormFieldDefinition } from '../forms/form-field.definition';
import { isValueSet } from '../forms/form-rule';
import { type FieldError, FieldErrorCode, type ValidatedForm, validateForm } from '../forms/form-validator';
import { isRequired, visibleFields } from '../forms/form-visibility';
import type { Logger } from '../logger';
import { tracer } from '../observability/tracing';
import type { TestLimiter } from './connection-test.limiter';
import { reportedSteps } from './step-report';

type Finish = (
  status: TestStatus,
  steps: StepRecord[],
  errors: TestError[],
  fields: FormFieldDefinition[],
  scrubber: SecretScrubber,
) => ConnectionTestOutcome;

type Prepared =
  | { refused: ConnectionTestOutcome }
  | { form: ConnectorForm; validated: ValidatedForm; scrubber: SecretScrubber; finish: Finish };

/** Every text a locked value holds: itself, or the values of a locked list's entries. */
function secretTextsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => (typeof entry?.value === 'string' ? [entry.value] : []));
}

/**
 * The connector's own advice for a code it did not word itself: the catalogue's hint is the
 * last resort, and says nothing about any one product.
 */
function withConnectorHint(error: TestError, plan: ConnectionTestPlan): TestError {
  const own = plan.hints?.[error.code];
  return own && error.hint === ERROR_CATALOGUE[error.code].hint ? { ...error, hint: own } : error;
}

/** As many refusals as a config save lists, the last saying how many more. */
const listedTestErrors = (errors: TestError[]) =>
  firstOfMany(errors, (message) => testError(Code.INVALID_VALUE, { field: 'values', message }));

/**
 * Runs connection tests: validation first, with the same evaluator as saving; locked fields
 * must have been re-entered (saved values are never used); then the connector's own test,
 * within its time limit and the concurrency limits. Every message is scrubbed of every value
 * submitted in a locked field before it leaves.
 */
export class ConnectionTestRunner {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly destinations: Destinations,
    private readonly limiter: TestLimiter,
    private readonly options: { stepTimeoutMs?: number; extraCaCertificates?: string[] } = {},
    /** Where unexpected failures are logged, with their cause. */
    private readonly logger?: Pick<Logger, 'error'>,
  ) {}

  /**
   * The checks that come before any network: the connector and integration exist, the values
   * validate, and locked fields were re-entered. A REFUSED outcome, or undefined when a test
   * may run. Relayed tests are checked here before they are sent to an agent.
   */
  async precheck(request: TestRequest): Promise<ConnectionTestOutcome | undefined> {
    const prepared = await this.prepare(request);
    return 'refused' in prepared ? prepared.refused : undefined;
  }

  private async prepare(request: TestRequest): Promise<Prepared> {
    const started = performance.now();
    const finish: Finish = (status, steps, errors, fields, scrubber) => ({
      ok: status === 'SUCCEEDED',
      status,
      durationMs: Math.round(performance.now() - started),
      steps,
      errors: errors.map((error) => this.report(error, fields, scrubber)),
    });

    const lookup = this.catalogue.form(request.connectorKey, request.integrationKey);
    if (!lookup.found) {
      const field = lookup.reason === 'UNKNOWN_CONNECTOR' ? 'connectorType' : 'integration';
      const error = testError(Code.INVALID_VALUE, { field, message: `Unknown ${field}.` });
      return { refused: finish('REFUSED', [], [error], [], new SecretScrubber()) };
    }
    const { form } = lookup;
    const locked = form.fields.filter((field) => field.locked);
    const scrubber = new SecretScrubber(locked.flatMap((field) => secretTextsOf(request.values[field.name])));
    const validated = await validateForm(
      { settingsClass: form.connector.settingsClass, fields: form.fields },
      request.values,
    );
    const refusals = this.refusals(validated.errors, form.fields, request, form.connector.connectionTest.discovers);
    if (refusals.length) return { refused: finish('REFUSED', [], listedTestErrors(refusals), form.fields, scrubber) };
    return { form, validated, scrubber, finish };
  }

  async run(request: TestRequest): Promise<ConnectionTestOutcome> {
    // A full replica refuses before validating: in a burst, refusals must cost next to nothing.
    const full = this.limiter.replicaFull();
    if (full) return { ok: false, status: 'REFUSED', durationMs: 0, steps: [], errors: [full.error] };
    const prepared = await this.prepare(request);
    if ('refused' in prepared) return prepared.refused;
    const { form, validated, scrubber, finish } = prepared;

    const plan = form.connector.connectionTest;
    const credential = [
      form.connector.key,
      ...(plan.credentialFields ?? []).map((name) => String(validated.values[name] ?? '')),
    ].join('|');
    let release: () => void;
    try {
      release = await this.limiter.acquire(request.tenantId, credential);
    } catch (error) {
      if (error instanceof TestFailure) return finish('REFUSED', [], [error.error], form.fields, scrubber);
      throw error;
    }
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), plan.timeoutMs);
    const context = new TestContext(
      validated.values,
      this.destinations,
      scrubber,
      deadline.signal,
      this.options.stepTimeoutMs,
      this.options.extraCaCertificates,
    );
    context.collectsExpiries = request.collectExpiries === true;
    if (request.connectedGrant) {
      context.connectedGrant = request.connectedGrant;
      scrubber.add(request.connectedGrant.accessToken);
    }
    const failed = (error: TestError) =>
      finish(
        'FAILED',
        reportedSteps(plan.steps, context.steps, error),
        [withConnectorHint(error, plan)],
        form.fields,
        scrubber,
      );
    // The test's span: its connector and outcome code; the steps' spans nest under it.
    const span = tracer.startSpan(`connection_test ${form.connector.key}`, {
      attributes: { 'plugboard.connector': form.connector.key },
    });
    const ended = (outcome: ConnectionTestOutcome) => {
      span.setAttribute('plugboard.test.status', outcome.status);
      if (outcome.errors[0]) span.setAttribute('plugboard.error.code', outcome.errors[0].code);
      span.end();
      return outcome;
    };
    try {
      await otelContext.with(trace.setSpan(otelContext.active(), span), () => plan.run(context));
      const passed = finish('SUCCEEDED', reportedSteps(plan.steps, context.steps), [], form.fields, scrubber);
      return ended(
        context.reportedExpiries.length ? { ...passed, reportedExpiries: context.reportedExpiries } : passed,
      );
    } catch (error) {
      if (error instanceof TestFailure) return ended(failed(error.error));
      // A bug or a library's surprise: the caller gets the request id, the log the cause (scrubbed).
      const cause = error instanceof Error ? error : new Error(String(error));
      this.logger?.error(
        {
          requestId: request.requestId,
          connector: request.connectorKey,
          cause: { name: cause.name, message: scrubber.scrub(cause.message), stack: scrubber.scrub(cause.stack) },
        },
        'connection test failed unexpectedly',
      );
      const internal = testError(Code.INTERNAL, {
        requestId: request.requestId,
        message: request.requestId
          ? `Plugboard failed while running the test (request id ${request.requestId}).`
          : undefined,
      });
      return ended(failed(internal));
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /**
   * An outcome that came back without steps (a relay that was offline, timed out or dropped
   * the test) shown by the same rule as any other: every declared step, the failure on the
   * first, the rest SKIPPED. The agent's own outcomes already carry their steps.
   */
  withDeclaredSteps(request: TestRequest, outcome: ConnectionTestOutcome): ConnectionTestOutcome {
    const lookup = this.catalogue.form(request.connectorKey, request.integrationKey);
    if (!lookup.found || outcome.status !== 'FAILED' || outcome.steps.length) return outcome;
    const [error, ...rest] = outcome.errors;
    const failed = error && { ...error };
    const steps = reportedSteps(lookup.form.connector.connectionTest.steps, [], failed);
    return { ...outcome, steps, errors: failed ? [failed, ...rest] : outcome.errors };
  }

  /** Problems that stop a test before anything is attempted. */
  private refusals(
    problems: FieldError[],
    fields: FormFieldDefinition[],
    request: TestRequest,
    discovered: readonly string[] = [],
  ): TestError[] {
    const visible = visibleFields(fields, {
      ...request.values,
      ...Object.fromEntries([...(request.savedLockedFields ?? [])].map((name) => [name, true])),
    });
    const notReentered = new Set(
      visible
        .filter((field) => field.locked && !isValueSet(request.values[field.name]))
        .filter((field) => request.savedLockedFields?.has(field.name) || isRequired(field, visible, request.values))
        .map((field) => field.name),
    );
    const errors: TestError[] = [...notReentered].map((field) => testError(Code.LOCKED_FIELD_NOT_REENTERED, { field }));
    for (const problem of problems) {
      if (notReentered.has(problem.field)) continue;
      // A value the test reports (a host key to pin) is not needed to run it.
      if (problem.code === FieldErrorCode.REQUIRED && discovered.includes(problem.field)) continue;
      errors.push(
        testError(Code.INVALID_VALUE, { field: problem.field, message: problem.message, providerCode: problem.code }),
      );
    }
    return errors;
  }

  private report(error: TestError, fields: FormFieldDefinition[], scrubber: SecretScrubber): ReportedTestError {
    const field = fields.find((candidate) => candidate.name === error.field);
    return {
      ...error,
      section: field?.section,
      message: scrubber.scrub(error.message),
      hint: scrubber.scrub(error.hint),
      providerMessage: scrubber.scrub(error.providerMessage),
      // Nothing in a certificate or host key is secret, but a server chooses their text.
      presentedCertificate: error.presentedCertificate && scrubbedTexts(error.presentedCertificate, scrubber),
      presentedHostKey: error.presentedHostKey && scrubbedTexts(error.presentedHostKey, scrubber),
    };
  }
}

/** An object with every string field scrubbed. */
function scrubbedTexts<T extends object>(value: T, scrubber: SecretScrubber): T {
  return Object.fromEntries(
    Object.entries(value).map(([key, text]) => [key, typeof text === 'string' ? scrubber.scrub(text) : text]),
  ) as T;
}
