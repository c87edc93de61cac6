import {
  type AuthorizationCodeFlow,
  TestErrorCode as Code,
  type Destinations,
  GuardedHttp,
  type HttpAnswer,
  oauthRefusal,
  readOAuthError,
  SecretScrubber,
  type TestError,
  TestFailure,
  withPublicRoots,
} from '../connector-kit';
import { testError } from '../connector-kit/connection-test.failure';
import { OpenBreaker, TokenEndpointBreakers } from './token-endpoint-breakers';

type Values = Readonly<Record<string, unknown>>;

/** What a token endpoint granted: the tokens (secret) and what may be shown or kept. */
export interface TokenAnswer {
  accessToken: string;
  /** Absent when the provider did not rotate it (or issue one): the old one stays valid. */
  refreshToken?: string;
  expiresInSeconds?: number;
  /** How long the refresh token lasts, when the provider says (`refresh_token_expires_in`). */
  refreshExpiresInSeconds?: number;
  /** The scopes granted, when the answer says; otherwise the ones asked for. */
  scopes?: string[];
  providerValues: Record<string, string>;
}

/** A refused or failed token request, scrubbed, with whether asking again may help. */
export class TokenEndpointFailure extends Error {
  constructor(readonly error: TestError) {
    super(error.message);
  }

  /** A provider answer that will not change by asking again (invalid_grant, a wrong secret). */
  get permanent(): boolean {
    return !this.error.retryable;
  }
}

export interface TokenEndpointOptions {
  destinations: Destinations;
  /** CA certificates the operator trusts besides the public ones. */
  extraCaCertificates: readonly string[];
  /** Waits between attempts after a retryable failure (5xx, 429, timeouts); one attempt more than waits. */
  retryDelaysMs?: readonly number[];
  /** The limit of one request. */
  timeoutMs?: number;
  /** How long a token endpoint whose refreshes keep failing is left alone (see TokenEndpointBreakers). */
  cooldownMs?: number;
}

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * The token endpoint calls of the authorization code flow (RFC 6749 §4.1.3 and §6): the code
 * exchange with its PKCE verifier, and refreshes. Written against the outbound guard and the
 * scrubber Plugboard's connection tests use (a general OAuth client library would open its own
 * connections): every address is vetted, and every submitted secret and issued token is removed
 * from what a failure says. Retryable failures are retried with backoff.
 */
export class TokenEndpoint {
  private readonly ca: string[] | undefined;
  private readonly breakers: TokenEndpointBreakers;

  constructor(private readonly options: TokenEndpointOptions) {
    this.ca = withPublicRoots(options.extraCaCertificates);
    this.breakers = new TokenEndpointBreakers({
      cooldownMs: options.cooldownMs ?? 30_000,
      isOutage: (error) => error instanceof TokenEndpointFailure && !error.permanent,
    });
  }

  /** Whether a refresh may ask this flow's token endpoint now (false while its breaker is open). */
  mayRefresh(flow: AuthorizationCodeFlow, values: Values): boolean {
    return this.breakers.mayCall(flow.endpoints(values).tokenUrl);
  }

  close(): void {
    this.breakers.close();
  }

  exchange(
    flow: AuthorizationCodeFlow,
    values: Values,
    client: ClientCredentials,
    grant: { code: string; verifier: string; redirectUri: string },
  ): Promise<TokenAnswer> {
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    });
    return this.request(flow, values, client, form, [grant.code, grant.verifier], 'exchange');
  }

  /** A refresh, through the endpoint's breaker: refused at once while the endpoint rests. */
  async refresh(flow: AuthorizationCodeFlow, values: Values, client: ClientCredentials, refreshToken: string) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
    const endpoints = flow.endpoints(values);
    try {
      return await this.breakers.run(endpoints.tokenUrl, () =>
        this.request(flow, values, client, form, [refreshToken], 'refresh'),
      );
    } catch (error) {
      if (!(error instanceof OpenBreaker)) throw error;
      throw new TokenEndpointFailure(
        testError(Code.PROVIDER_UNAVAILABLE, {
          field: endpoints.field,
          message:
            "The provider's token endpoint failed on the last refreshes, so Plugboard is not asking it for a while.",
          hint: "Check the provider's status page. Plugboard tries again by itself; the current token is used while it is valid.",
          retryAfterSeconds: Math.ceil(error.cooldownMs / 1000),
        }),
      );
    }
  }

  private async request(
    flow: AuthorizationCodeFlow,
    values: Values,
    client: ClientCredentials,
    form: URLSearchParams,
    secrets: string[],
    purpose: 'exchange' | 'refresh',
  ): Promise<TokenAnswer> {
    const scrubber = new SecretScrubber([client.clientSecret, ...secrets]);
    const endpoints = flow.endpoints(values);
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if ((flow.clientAuthentication?.(values) ?? 'BASIC') === 'BODY') {
      form.set('client_id', client.clientId);
      form.set('client_secret', client.clientSecret);
    } else {
      // RFC 6749 §2.3.1: each part form-encoded before joining.
      const basic = Buffer.from(
        `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
      ).toString('base64');
      scrubber.add(basic);
      headers.authorization = `Basic ${basic}`;
    }
    const delays = this.options.retryDelaysMs ?? [250, 1000];
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(flow, endpoints.tokenUrl, endpoints.field, headers, form, scrubber, purpose);
      } catch (failure) {
        const error =
          failure instanceof TestFailure
            ? failure.error
            : testError(Code.PROVIDER_UNAVAILABLE, { field: endpoints.field });
        const scrubbed = {
          ...error,
          message: scrubber.scrub(error.message),
          providerMessage: scrubber.scrub(error.providerMessage),
        };
        if (!scrubbed.retryable || attempt >= delays.length) throw new TokenEndpointFailure(scrubbed);
        const wait = Math.min((scrubbed.retryAfterSeconds ?? 0) * 1000 || delays[attempt], 10_000);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async once(
    flow: AuthorizationCodeFlow,
    tokenUrl: string,
    field: string,
    headers: Record<string, string>,
    form: URLSearchParams,
    scrubber: SecretScrubber,
    purpose: 'exchange' | 'refresh',
  ): Promise<TokenAnswer> {
    const http = new GuardedHttp(this.options.destinations, { ca: this.ca });
    let answer: HttpAnswer;
    try {
      answer = await http.request(tokenUrl, {
        method: 'POST',
        headers,
        body: form.toString(),
        field,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } finally {
      await http.close();
    }
    if (answer.status < 200 || answer.status >= 300) throw this.refusal(flow, answer, field, purpose);
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(answer.text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const accessToken = text(body?.access_token);
    if (!body || !accessToken) {
      throw new TestFailure(Code.UNEXPECTED_RESPONSE, {
        field,
        message: 'The token endpoint answered without an access token: check the address.',
        providerCode: `HTTP ${answer.status}`,
      });
    }
    scrubber.add(accessToken);
    const expiresIn = Number(body.expires_in);
    const refreshExpiresIn = Number(body.refresh_token_expires_in);
    const providerValues: Record<string, string> = {};
    for (const name of flow.keptFromTokenAnswer ?? []) {
      const value = text(body[name]);
      if (value) providerValues[name] = value;
    }
    return {
      accessToken,
      refreshToken: text(body.refresh_token),
      expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined,
      refreshExpiresInSeconds: Number.isFinite(refreshExpiresIn) && refreshExpiresIn > 0 ? refreshExpiresIn : undefined,
      scopes: text(body.scope)?.split(' ').filter(Boolean),
      providerValues,
    };
  }

  /** A refused request: a refresh token the provider no longer honours is its own code. */
  private refusal(
    flow: AuthorizationCodeFlow,
    answer: HttpAnswer,
    location: string,
    purpose: 'exchange' | 'refresh',
  ): TestFailure {
    const error = readOAuthError(answer);
    if (purpose === 'refresh' && error?.error === 'invalid_grant') {
      return new TestFailure(Code.OAUTH_REFRESH_FAILED, {
        field: flow.field,
        providerCode: providerCodeOf(error.description) ?? error.error,
        providerMessage: error.description,
      });
    }
    return flow.refusal
      ? flow.refusal(answer, error)
      : oauthRefusal(answer, error, {
          credential: flow.clientSecretField,
          location,
          client: flow.clientIdField,
          scopes: flow.scopesField,
        });
  }
}

/** Microsoft words refusals as `AADSTS70000: …`; that number is what its documentation indexes. */
export function providerCodeOf(description: string | undefined): string | undefined {
  return /^(AADSTS\d+)/.exec(description ?? '')?.[1];
}
