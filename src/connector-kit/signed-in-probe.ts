import { TestErrorCode as Code } from './connection-test.codes';
import type { TestContext } from './connection-test.context';
import { TestFailure } from './connection-test.failure';
import type { HttpAnswer } from './guarded-http';
import { TestStepKind } from './test-step';

export interface SignedInProbe {
  /** The one call, carrying the credential. */
  call: (signal: AbortSignal) => Promise<HttpAnswer>;
  /** The field a network failure or timeout of the call is reported on. */
  field: string;
  /** What is wrong with the answer, or undefined when it is the answer the connector expects. */
  judge: (answer: HttpAnswer) => TestFailure | undefined;
}

/**
 * One call that signs in and probes at once (an API key, a bearer or Basic credential on the
 * probe itself): the call is the AUTHENTICATE step, which a 401 fails (the credential was
 * refused); the AUTHORIZE step then judges the rest of the answer (403, 404, 429, a page that
 * is not the API). So the step shown FAILED is the one the refusal belongs to.
 */
export async function signedInProbe(context: TestContext, probe: SignedInProbe): Promise<HttpAnswer> {
  const answer = await context.step(
    TestStepKind.AUTHENTICATE,
    async (signal) => {
      const answer = await probe.call(signal);
      if (answer.status === 401) {
        throw probe.judge(answer) ?? new TestFailure(Code.INVALID_CREDENTIALS, { providerCode: 'HTTP 401' });
      }
      return answer;
    },
    { field: probe.field },
  );
  return judgedProbe(context, { ...probe, call: async () => answer });
}

/**
 * One call as the AUTHORIZE step, judged within it: for a probe whose credential was already
 * granted (a token) or that carries none. The step fails with whatever `judge` finds wrong.
 */
export function judgedProbe(context: TestContext, probe: SignedInProbe): Promise<HttpAnswer> {
  return context.step(
    TestStepKind.AUTHORIZE,
    async (signal) => {
      const answer = await probe.call(signal);
      const failure = probe.judge(answer);
      if (failure) throw failure;
      return answer;
    },
    { field: probe.field },
  );
}

/** Whether an answer is a web page (a sign-in page, a web app) rather than an API's. */
export function isWebPage(answer: HttpAnswer): boolean {
  const type = answer.headers['content-type'];
  return /text\/html|application\/xhtml/i.test(Array.isArray(type) ? type[0] : (type ?? ''));
}
