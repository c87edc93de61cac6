import { TestErrorCode as Code } from './connection-test.codes';
import type { TestContext } from './connection-test.context';
import { TestFailure } from './connection-test.failure';
import type { HttpAnswer } from './guarded-http';
import type { OAuthError } from './oauth-token';
import { TestStepKind } from './test-step';

type Values = Readonly<Record<string, unknown>>;

/** Where a provider's consent screen and token endpoint are, from a config's saved values. */
export interface AuthorizationEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  /** The field the addresses come from: failures to reach them are put on it. */
  field: string;
}

/**
 * Delegated access through the OAuth 2.0 authorization code flow with PKCE (RFC 6749 §4.1,
 * RFC 7636), as a connector declares it in `@Connector({ authorizationCode })`. Plugboard runs
 * the flow (consent, code exchange, refresh, rotation); the connector says where and with what.
 */
export interface AuthorizationCodeFlow {
  /** The SELECT field, and its option, that choose this way of signing in. */
  field: string;
  option: string;
  /** Who the user signs in with, for "Connect with …". */
  providerName: string;
  clientIdField: string;
  /** A locked field: the client secret, used server-side for the exchange and refreshes. */
  clientSecretField: string;
  /** A field the user may list scopes in, where the form has one. */
  scopesField?: string;
  endpoints(values: Values): AuthorizationEndpoints;
  /** The scopes asked for, from the values. */
  scopes(values: Values): string[];
  /** Provider extras on the authorization URL: prompt, audience, login hints. */
  extraParameters?(values: Values): Record<string, string>;
  /** How the client authenticates at the token endpoint: `BASIC` (the default, RFC 6749 §2.3.1) or `BODY`. */
  clientAuthentication?(values: Values): 'BASIC' | 'BODY';
  /** Non-secret members of the token answer the runtime needs, such as Salesforce's `instance_url`. */
  keptFromTokenAnswer?: string[];
  /** A refused token request in this provider's terms; the generic OAuth reading otherwise. */
  refusal?(answer: HttpAnswer, error: OAuthError | undefined): TestFailure;
}

/** A saved value as text, '' when it is not text: flows read endpoints from saved values. */
export function textValue(values: Values, field: string): string {
  const value = values[field];
  return typeof value === 'string' ? value : '';
}

/** Whether these values choose the flow. */
export function usesAuthorizationCode(flow: AuthorizationCodeFlow | undefined, values: Values): boolean {
  return Boolean(flow) && values[flow?.field ?? ''] === flow?.option;
}

/**
 * The access token of a grant connected moments ago by the person testing, as the AUTHENTICATE
 * step. The Test button never uses saved credentials: it may use a grant only right after that
 * person connected it, which is what proves the consent worked. Otherwise it fails on the field
 * that chose the flow, saying to connect.
 */
export async function connectedGrantToken(context: TestContext, field: string): Promise<string> {
  return context.step(
    TestStepKind.AUTHENTICATE,
    async () => {
      const token = context.connectedGrant?.accessToken;
      if (!token) throw new TestFailure(Code.OAUTH_NOT_CONNECTED, { field });
      context.scrubber.add(token);
      return token;
    },
    { field },
  );
}
