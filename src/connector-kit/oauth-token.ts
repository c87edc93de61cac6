import { TestErrorCode as Code } from './connection-test.codes';
import type { TestContext } from './connection-test.context';
import { TestFailure } from './connection-test.failure';
import type { GuardedHttp, HttpAnswer } from './guarded-http';
import { failureForStatus } from './http-classification';
import { TestStepKind } from './test-step';

/**
 * An OAuth error answer (RFC 6749 §5.2): `error` and `error_description`, as far as the
 * provider follows the RFC. `body` keeps the whole object for provider codes beside them
 * (Microsoft's `error_codes` and `trace_id`, Okta's `errorCode` and `errorSummary`).
 */
export interface OAuthError {
  error?: string;
  description?: string;
  body: Readonly<Record<string, unknown>>;
}

/** A granted token: the access token (already added to the scrubber) and the rest of the answer. */
export interface TokenGrant {
  accessToken: string;
  /** The whole answer (`instance_url`, `expires_in`, `scope` …). */
  body: Readonly<Record<string, unknown>>;
}

export interface TokenRequest {
  url: string;
  form: URLSearchParams;
  /**
   * The field the token endpoint's address comes from: failures of the call, and answers that
   * are not a token endpoint's (an HTML sign-in page, JSON without a token), are put on it.
   */
  field: string;
  /** Extra headers, such as HTTP Basic client authentication. */
  headers?: Record<string, string>;
  /**
   * The refusal (any status but 2xx) in this provider's terms. `error` is the OAuth error body,
   * when the answer had one. Fall back to oauthRefusal for what the provider does not word.
   */
  refusal: (answer: HttpAnswer, error: OAuthError | undefined) => TestFailure;
  /** What else a granted answer must hold (Salesforce's instance_url), judged within the step. */
  check?: (grant: TokenGrant) => TestFailure | undefined;
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The OAuth error of an answer, or undefined when its body is not a JSON object. */
export function readOAuthError(answer: HttpAnswer): OAuthError | undefined {
  const body = jsonObject(answer.text);
  return body && { error: text(body.error), description: text(body.error_description), body };
}

/**
 * The generic meaning of a refused token request, for what a provider does not word itself:
 * `invalid_client` is the client's credential, `invalid_scope` the scopes field when the form
 * has one, `unauthorized_client`/`unsupported_grant_type` the client, the rest by HTTP status.
 */
export function oauthRefusal(
  answer: HttpAnswer,
  error: OAuthError | undefined,
  fields: { credential: string; location: string; client?: string; scopes?: string },
): TestFailure {
  const details = { providerCode: error?.error ?? `HTTP ${answer.status}`, providerMessage: error?.description };
  switch (error?.error) {
    case 'invalid_client':
      return new TestFailure(Code.INVALID_CREDENTIALS, { field: fields.credential, ...details });
    case 'invalid_scope':
      return new TestFailure(Code.INVALID_VALUE, {
        field: fields.scopes,
        message: 'The token endpoint refused the scopes.',
        ...details,
      });
    case 'unauthorized_client':
    case 'unsupported_grant_type':
      return new TestFailure(Code.PROVIDER_ERROR, {
        field: fields.client,
        message: 'This client may not use this grant.',
        hint: "Enable the grant for this client in the provider's app settings.",
        ...details,
      });
  }
  return (
    failureForStatus(answer, { credential: fields.credential, location: fields.location }, error?.description) ??
    new TestFailure(Code.UNEXPECTED_RESPONSE, { field: fields.location, ...details })
  );
}

/**
 * An OAuth 2.0 token request (RFC 6749: a form-encoded POST, a JSON answer) as the
 * AUTHENTICATE step, which fails with the refusal. A refusal is classified by the provider's `refusal`; a 2xx answer must be
 * JSON with an access token, or it is UNEXPECTED_RESPONSE on the endpoint's field (a sign-in
 * page or a proxy answered, not the token endpoint). The token is added to the scrubber.
 */
export async function requestToken(
  context: TestContext,
  http: GuardedHttp,
  request: TokenRequest,
): Promise<TokenGrant> {
  return context.step(
    TestStepKind.AUTHENTICATE,
    async (signal) => {
      const answer = await http.request(request.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...request.headers,
        },
        body: request.form.toString(),
        field: request.field,
        signal,
      });
      if (answer.status < 200 || answer.status >= 300) throw request.refusal(answer, readOAuthError(answer));
      const body = jsonObject(answer.text);
      const accessToken = text(body?.access_token);
      if (!body || !accessToken) {
        throw new TestFailure(Code.UNEXPECTED_RESPONSE, {
          field: request.field,
          message: body
            ? 'The token endpoint answered without an access token.'
            : 'The token endpoint answered with a page, not a token: check the address (a sign-in page or a proxy may have answered).',
          providerCode: `HTTP ${answer.status}`,
        });
      }
      context.scrubber.add(accessToken);
      const grant = { accessToken, body };
      const problem = request.check?.(grant);
      if (problem) throw problem;
      return grant;
    },
    { field: request.field },
  );
}
