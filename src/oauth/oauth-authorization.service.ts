import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { Catalogue } from '../catalogue/catalogue';
import { type AuthorizationCodeFlow, TestErrorCode as Code, type TestError } from '../connector-kit';
import { testError } from '../connector-kit/connection-test.failure';
import type { Logger } from '../logger';
import type { SecretCipher } from '../secrets/secret-cipher';
import type { Store } from '../store/store.port';
import { SCHEMA_VERSION, type StoredConfig, type StoredOAuthState } from '../store/store.types';
import type { OAuthGrants } from './oauth-grants.service';
import { providerCodeOf, type TokenEndpoint, TokenEndpointFailure } from './token-endpoint';

/** A problem with a request to start, on the field to change. */
export interface AuthorizationProblem {
  field: string;
  code: string;
  message: string;
}

export type StartedAuthorization =
  | { authorizationUrl: string; startUrl: string; state: string; errors: [] }
  | { authorizationUrl: null; startUrl: null; state: null; errors: AuthorizationProblem[] };

/** The cookie that ties a flow to the browser that opened its start URL. */
export interface BindingCookie {
  name: string;
  /** Empty to clear it. */
  value: string;
  path: string;
  secure: boolean;
  maxAgeSeconds: number;
}

/** How the callback ends: a page to show, or the UI to send the browser back to. */
export interface CallbackOutcome {
  ok: boolean;
  status: number;
  title: string;
  message: string;
  hint?: string;
  /** The UI's return URL, with the outcome in its query, when the flow started with one. */
  redirectTo?: string;
  /** A binding cookie to set (at the start URL) or clear (at the callback). */
  cookie?: BindingCookie;
}

export interface OAuthAuthorizationOptions {
  /** Where Plugboard is reached from browsers; the callback is `<publicUrl>/oauth/callback`. */
  publicUrl: () => string;
  /** Origins a flow may return the browser to, besides Plugboard's own (the UIs' origins). */
  returnOrigins: readonly string[];
  /** How long a started authorization may take to come back. */
  stateTtlMs: number;
  /** Whether a flow may be finished without the browser binding of the start URL. */
  browserBinding: 'optional' | 'required';
}

/** Where the browser opens a flow so that only it may finish it. */
export const OAUTH_START_PATH = '/oauth/start';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const verifierPurpose = (stateId: string) => `oauth-verifier:${stateId}`;
/** One cookie per flow, so that two Connects in two tabs of one browser do not overwrite each other. */
const bindingCookieName = (stateId: string) => `plugboard_oauth_${stateId.slice(0, 16)}`;
const sameHash = (text: string, hexHash: string) => {
  const expected = Buffer.from(hexHash, 'hex');
  const actual = sha256(text);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

/** A query parameter given once, as text; anything else (absent, repeated) is undefined. */
const textParam = (query: Record<string, unknown>, name: string) =>
  typeof query[name] === 'string' ? (query[name] as string) : undefined;

/** A 400 page that stores nothing on any config: the flow cannot be tied to one. */
const refusedPage = (message: string, hint: string): CallbackOutcome => ({
  ok: false,
  status: 400,
  title: 'Not connected',
  message,
  hint,
});

/** The provider's `error=` answers at the redirect (RFC 6749 §4.1.2.1), in Plugboard's codes. */
function providerRefusal(flow: AuthorizationCodeFlow, error: string, description: string | undefined): TestError {
  const details = {
    providerCode: providerCodeOf(description) ?? error,
    providerMessage: description?.slice(0, 500),
  };
  switch (error) {
    case 'access_denied':
      return testError(Code.OAUTH_ACCESS_DENIED, { field: flow.field, ...details });
    case 'consent_required':
    case 'interaction_required':
      return testError(Code.CONSENT_REQUIRED, { field: flow.field, ...details });
    case 'invalid_scope':
      return testError(Code.INVALID_VALUE, {
        field: flow.scopesField ?? flow.field,
        message: 'The provider refused the scopes asked for.',
        hint: 'Ask only for scopes the app registration lists, then connect again.',
        ...details,
      });
    case 'temporarily_unavailable':
    case 'server_error':
      return testError(Code.PROVIDER_UNAVAILABLE, { field: flow.field, ...details });
    default:
      return testError(Code.PROVIDER_ERROR, { field: flow.field, ...details });
  }
}

/**
 * The authorization code flow's two ends (RFC 6749 §4.1 with PKCE, RFC 7636): a URL for the
 * provider's consent screen, and the callback the provider sends the browser back to. A state
 * is random, stored only as its hash, single-use, short-lived and bound to the tenant, the
 * config and the caller who started it; its PKCE verifier is stored encrypted.
 */
export class OAuthAuthorizations {
  constructor(
    private readonly store: Store,
    private readonly catalogue: Catalogue,
    private readonly cipher: SecretCipher,
    private readonly grants: OAuthGrants,
    private readonly tokens: TokenEndpoint,
    private readonly logger: Logger,
    private readonly options: OAuthAuthorizationOptions,
  ) {}

  redirectUri(): string {
    return `${this.base()}/oauth/callback`;
  }

  async start(
    principal: Principal,
    configId: string,
    field: string | null | undefined,
    returnUrl: string | null | undefined,
  ): Promise<StartedAuthorization> {
    const refuse = (problem: AuthorizationProblem): StartedAuthorization => ({
      authorizationUrl: null,
      startUrl: null,
      state: null,
      errors: [problem],
    });
    const [config] = await this.store.configs.getMany(principal.tenantId, [configId]);
    if (!config) return refuse({ field: 'configId', code: 'NOT_FOUND', message: 'No config has this id.' });
    const flow = this.catalogue.connector(config.connectorKey)?.authorizationCode;
    if (!flow) {
      return refuse({
        field: field ?? 'configId',
        code: 'NOT_SUPPORTED',
        message: `The "${config.connectorKey}" connector has no consent flow.`,
      });
    }
    if (field && field !== flow.field) {
      return refuse({
        field: 'field',
        code: 'INVALID_VALUE',
        message: `This connector's consent flow is on "${flow.field}".`,
      });
    }
    if (config.values[flow.field] !== flow.option) {
      return refuse({
        field: flow.field,
        code: 'INVALID_VALUE',
        message: `Choose ${flow.option} here and save the config before connecting.`,
      });
    }
    if (!config.values[flow.clientIdField]) {
      return refuse({ field: flow.clientIdField, code: 'REQUIRED', message: 'Save the client ID before connecting.' });
    }
    if (!config.secrets[flow.clientSecretField]) {
      return refuse({
        field: flow.clientSecretField,
        code: 'REQUIRED',
        message: 'Save the client secret before connecting: Plugboard exchanges the code with it.',
      });
    }
    const endpoints = flow.endpoints(config.values);
    if (!URL.canParse(endpoints.authorizeUrl) || !URL.canParse(endpoints.tokenUrl)) {
      return refuse({
        field: endpoints.field,
        code: 'INVALID_VALUE',
        message: 'These values do not make a valid sign-in address.',
      });
    }
    if (returnUrl && !this.mayReturnTo(returnUrl)) {
      return refuse({
        field: 'returnUrl',
        code: 'NOT_ALLOWED',
        message: "This return address is not one of Plugboard's or its UIs' origins (PLUGBOARD_CORS_ORIGINS).",
      });
    }
    const state = randomBytes(32).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const binding = randomBytes(32).toString('base64url');
    const stateId = sha256(state).toString('hex');
    const url = new URL(endpoints.authorizeUrl);
    const parameters: Record<string, string> = {
      ...flow.extraParameters?.(config.values),
      response_type: 'code',
      client_id: String(config.values[flow.clientIdField]),
      redirect_uri: this.redirectUri(),
      state,
      code_challenge: sha256(verifier).toString('base64url'),
      code_challenge_method: 'S256',
      scope: flow.scopes(config.values).join(' '),
    };
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    const now = Date.now();
    await this.store.oauthStates.create({
      tenantId: principal.tenantId,
      id: stateId,
      schemaVersion: SCHEMA_VERSION,
      configId: config.id,
      field: flow.field,
      actor: principal.actor,
      verifier: await this.cipher.sealMessage(principal.tenantId, verifierPurpose(stateId), verifier),
      redirectUri: this.redirectUri(),
      returnUrl: returnUrl ?? null,
      authorizationUrl: url.toString(),
      bindingHash: sha256(binding).toString('hex'),
      openedAt: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.options.stateTtlMs).toISOString(),
    });
    const startUrl = new URL(`${this.base()}${OAUTH_START_PATH}`);
    startUrl.searchParams.set('state', state);
    startUrl.searchParams.set('binding', binding);
    return { authorizationUrl: url.toString(), startUrl: startUrl.toString(), state, errors: [] };
  }

  /**
   * The browser opens the start URL: the flow is marked opened (once), the browser gets the
   * binding cookie, and it goes on to the provider. From then on the callback asks for that
   * cookie, so a consent finished in any other browser (someone who got hold of the provider's
   * URL, connecting their account into this config) is refused.
   */
  async open(query: Record<string, unknown>): Promise<CallbackOutcome> {
    const state = textParam(query, 'state');
    const binding = textParam(query, 'binding');
    const unknown = refusedPage(
      'This Connect link is unknown, expired, or was already opened.',
      'Each Connect link opens once, in one browser. Press Connect again.',
    );
    if (!state || !binding) return unknown;
    const stateId = sha256(state).toString('hex');
    const opened = await this.store.oauthStates.open(
      stateId,
      sha256(binding).toString('hex'),
      new Date().toISOString(),
    );
    const remainingMs = opened ? Date.parse(opened.expiresAt) - Date.now() : 0;
    if (!opened || remainingMs <= 0) return unknown;
    return {
      ok: true,
      status: 303,
      title: 'Connecting',
      message: 'On to the provider.',
      redirectTo: opened.authorizationUrl,
      cookie: this.bindingCookie(stateId, binding, Math.ceil(remainingMs / 1000)),
    };
  }

  /** The provider's redirect back: checks the state, exchanges the code, stores the grant. */
  async complete(
    query: Record<string, unknown>,
    cookies: Record<string, string | undefined>,
  ): Promise<CallbackOutcome> {
    const state = textParam(query, 'state');
    if (!state) return refusedPage('The provider sent no state back.', 'Start again from the Connect button.');
    const pending = await this.store.oauthStates.take(sha256(state).toString('hex'));
    if (!pending) {
      return refusedPage(
        'This sign-in is unknown or was already used.',
        'Each Connect works once. Start again from the Connect button.',
      );
    }
    // The flow is over whichever way it ends: its binding cookie goes with it.
    const outcome = await this.finish(pending, query, cookies);
    return { ...outcome, cookie: this.bindingCookie(pending.id, '', 0) };
  }

  private async finish(
    pending: StoredOAuthState,
    query: Record<string, unknown>,
    cookies: Record<string, string | undefined>,
  ): Promise<CallbackOutcome> {
    const param = (name: string) => textParam(query, name);
    const [config] = await this.store.configs.getMany(pending.tenantId, [pending.configId]);
    const flow = config && this.grants.flowOf(config);
    if (!config || !flow) {
      return refusedPage(
        'The config was deleted or changed its sign-in method meanwhile.',
        'Open the config and connect again.',
      );
    }
    const fail = async (error: TestError): Promise<CallbackOutcome> => {
      await this.grants.recordConnectFailure(config, flow.field, error);
      this.logger.info(
        { tenantId: config.tenantId, configId: config.id, code: error.code, providerCode: error.providerCode },
        'an OAuth consent did not connect',
      );
      return this.outcome(
        pending.returnUrl,
        config,
        { ok: false, status: 400, title: 'Not connected', message: error.message, hint: error.hint },
        error.code,
      );
    };
    const cookieName = bindingCookieName(pending.id);
    const bindingCookie = cookies[cookieName];
    const boundHere = Boolean(pending.bindingHash && bindingCookie && sameHash(bindingCookie, pending.bindingHash));
    if ((pending.openedAt || this.options.browserBinding === 'required') && !boundHere) {
      return fail(
        testError(Code.OAUTH_NOT_CONNECTED, {
          field: flow.field,
          message: pending.openedAt
            ? 'The sign-in came back to a different browser than the one that started it. Nothing was stored.'
            : "The sign-in did not start from Plugboard's Connect link, which this server requires. Nothing was stored.",
          hint: 'Press Connect again and finish signing in in the same browser. If nobody here started it, someone may have tried to connect another account to this config.',
        }),
      );
    }
    if (Date.parse(pending.expiresAt) < Date.now()) {
      return fail(
        testError(Code.OAUTH_NOT_CONNECTED, {
          field: flow.field,
          message: 'The sign-in took too long and expired before it came back.',
          hint: 'Press Connect again and finish signing in within ten minutes.',
        }),
      );
    }
    const providerError = param('error');
    if (providerError) return fail(providerRefusal(flow, providerError, param('error_description')));
    const code = param('code');
    if (!code) {
      return fail(
        testError(Code.UNEXPECTED_RESPONSE, {
          field: flow.field,
          message: 'The provider sent neither a code nor an error back.',
        }),
      );
    }
    const verifier = await this.cipher.openMessage(pending.tenantId, verifierPurpose(pending.id), pending.verifier);
    try {
      const answer = await this.tokens.exchange(flow, config.values, await this.grants.clientOf(config, flow), {
        code,
        verifier,
        redirectUri: pending.redirectUri,
      });
      await this.grants.connect(config, flow, answer, pending.actor);
    } catch (error) {
      if (error instanceof TokenEndpointFailure) return fail(error.error);
      throw error;
    }
    this.logger.info({ tenantId: config.tenantId, configId: config.id }, 'an OAuth grant was connected');
    return this.outcome(
      pending.returnUrl,
      config,
      {
        ok: true,
        status: 200,
        title: 'Connected',
        message: `"${config.name}" is connected. You can close this window.`,
      },
      null,
    );
  }

  private bindingCookie(stateId: string, value: string, maxAgeSeconds: number): BindingCookie {
    const callback = new URL(this.redirectUri());
    return {
      name: bindingCookieName(stateId),
      value,
      path: callback.pathname,
      secure: callback.protocol === 'https:',
      maxAgeSeconds,
    };
  }

  private base(): string {
    return this.options.publicUrl().replace(/\/+$/, '');
  }

  private outcome(returnUrl: string | null, config: StoredConfig, page: CallbackOutcome, code: string | null) {
    if (!returnUrl || !this.mayReturnTo(returnUrl)) return page;
    const back = new URL(returnUrl);
    back.searchParams.set('oauth', page.ok ? 'connected' : 'failed');
    back.searchParams.set('config', config.id);
    if (code) back.searchParams.set('code', code);
    return { ...page, redirectTo: back.toString() };
  }

  private mayReturnTo(returnUrl: string): boolean {
    if (!URL.canParse(returnUrl)) return false;
    const { origin, protocol } = new URL(returnUrl);
    if (protocol !== 'https:' && protocol !== 'http:') return false;
    return origin === new URL(this.options.publicUrl()).origin || this.options.returnOrigins.includes(origin);
  }
}
