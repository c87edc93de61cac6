import { createPrivateKey, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  type AuthorizationCodeFlow,
  TestErrorCode as Code,
  Connector,
  connectedGrantToken,
  excerpt,
  FormField,
  failureForStatus,
  type GuardedHttp,
  type HttpAnswer,
  judgedProbe,
  oauthRefusal,
  openHttpsApi,
  requestToken,
  FormSectionKind as Section,
  TestStepKind as Step,
  signedInProbe,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
  textValue,
} from '../connector-kit';

const API_TOKEN = { field: 'authMethod', equals: 'API_TOKEN' };
const SERVICE_APP = { field: 'authMethod', equals: 'OAUTH_SERVICE_APP' };
const USER_CONSENT = { field: 'authMethod', equals: 'AUTHORIZATION_CODE' };
const WITH_CLIENT = { field: 'authMethod', in: ['OAUTH_SERVICE_APP', 'AUTHORIZATION_CODE'] };

/**
 * A user signs in to an OIDC web app at the org authorization server (/oauth2/v1), which may
 * grant Okta API scopes (okta.*) on the user's behalf. offline_access brings a refresh token,
 * which Okta by default revokes after seven days unused.
 */
const USER_CONSENT_FLOW: AuthorizationCodeFlow = {
  field: 'authMethod',
  option: 'AUTHORIZATION_CODE',
  providerName: 'Okta',
  clientIdField: 'clientId',
  clientSecretField: 'clientSecret',
  scopesField: 'scopes',
  endpoints: (values) => {
    const org = textValue(values, 'orgUrl').replace(/\/+$/, '');
    return { authorizeUrl: `${org}/oauth2/v1/authorize`, tokenUrl: `${org}/oauth2/v1/token`, field: 'orgUrl' };
  },
  scopes: (values) => {
    const granted = Array.isArray(values.scopes) ? (values.scopes as string[]) : ['okta.users.read'];
    return ['openid', 'offline_access', ...granted];
  },
};

@Connector({
  key: 'okta',
  name: 'Okta',
  description: 'An Okta org, through its management API, as an OAuth service app or with an API token.',
  category: 'identity',
  version: 1,
  documentationUrl: 'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    credentialFields: ['orgUrl', 'clientId'],
    run: testOkta,
  },
  authorizationCode: USER_CONSENT_FLOW,
})
export class OktaSettings {
  @FormField({
    label: 'Org URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 10,
    required: true,
    placeholder: 'https://acme.okta.com',
    helpText: 'Your Okta domain, without -admin.',
  })
  orgUrl?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 20,
    required: true,
    defaultValue: 'OAUTH_SERVICE_APP',
    options: [
      {
        value: 'OAUTH_SERVICE_APP',
        label: 'OAuth service app',
        description: 'An API service app with a public key; access limited to the granted scopes.',
      },
      {
        value: 'API_TOKEN',
        label: 'API token',
        description: 'Acts with the full rights of the admin who created it, and expires after 30 days unused.',
      },
      {
        value: 'AUTHORIZATION_CODE',
        label: 'A user connects (OIDC web app)',
        description:
          "A user signs in at Okta and consents; the app then acts with that user's admin rights, limited to the granted scopes.",
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Client ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    visibleWhen: WITH_CLIENT,
    requiredWhen: WITH_CLIENT,
  })
  clientId?: string;

  @FormField({
    label: 'Client secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 35,
    visibleWhen: USER_CONSENT,
    requiredWhen: USER_CONSENT,
    helpText: "The web app's client secret, from its General tab.",
  })
  clientSecret?: string;

  @FormField({
    label: 'Private key',
    section: Section.GENERAL,
    type: Type.PRIVATE_KEY,
    order: 40,
    visibleWhen: SERVICE_APP,
    requiredWhen: SERVICE_APP,
    helpText: 'The private key whose public key is registered on the service app; it signs each token request.',
  })
  privateKey?: string;

  @FormField({
    label: 'Key ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 50,
    visibleWhen: SERVICE_APP,
    helpText: 'The kid of the registered key, when the app has more than one.',
  })
  keyId?: string;

  @FormField({
    label: 'API token',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 60,
    visibleWhen: API_TOKEN,
    requiredWhen: API_TOKEN,
  })
  apiToken?: string;

  @FormField({
    label: 'Scopes',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.MULTISELECT,
    order: 10,
    defaultValue: ['okta.users.read'],
    visibleWhen: WITH_CLIENT,
    options: [
      { value: 'okta.users.read', label: 'Read users' },
      { value: 'okta.users.manage', label: 'Manage users' },
      { value: 'okta.groups.read', label: 'Read groups' },
      { value: 'okta.groups.manage', label: 'Manage groups' },
    ],
    helpText: 'Grant the same scopes to the app on its Okta API Scopes tab.',
  })
  scopes?: string[];
}

/** Okta errors: `{ errorCode: "E0000011", errorSummary }` from the API, RFC 6749 from /token. */
function oktaError(answer: HttpAnswer): { code?: string; summary?: string } {
  try {
    const body = JSON.parse(answer.text) as {
      errorCode?: string;
      errorSummary?: string;
      error?: string;
      error_description?: string;
    };
    return { code: body.errorCode ?? body.error, summary: body.errorSummary ?? body.error_description };
  } catch {
    return { summary: excerpt(answer.text) || undefined };
  }
}

async function serviceAppToken(context: TestContext, http: GuardedHttp, org: URL): Promise<string> {
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(context.text('privateKey'));
  } catch {
    throw new TestFailure(Code.INVALID_VALUE, { field: 'privateKey', message: 'The private key cannot be read.' });
  }
  const tokenUrl = new URL('/oauth2/v1/token', org).toString();
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'RS256', ...(context.text('keyId') ? { kid: context.text('keyId') } : {}) })
    .setIssuer(context.text('clientId'))
    .setSubject(context.text('clientId'))
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(key);
  context.scrubber.add(assertion);
  const scopes = (context.values.scopes as string[] | undefined) ?? ['okta.users.read'];
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: scopes.join(' '),
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  });
  const { accessToken } = await requestToken(context, http, {
    url: tokenUrl,
    form,
    field: 'orgUrl',
    refusal: (answer, error) => {
      const details = { providerCode: error?.error, providerMessage: error?.description };
      if (error?.error === 'invalid_client') {
        return new TestFailure(Code.INVALID_CREDENTIALS, {
          field: 'privateKey',
          hint: "Register this key's public half on the service app, or use the key it has.",
          ...details,
        });
      }
      if (error?.error === 'invalid_scope') {
        return new TestFailure(Code.CONSENT_REQUIRED, {
          field: 'scopes',
          message: 'The service app has not been granted these scopes.',
          hint: "Grant the scopes on the app's Okta API Scopes tab.",
          ...details,
        });
      }
      return oauthRefusal(answer, error, { credential: 'privateKey', location: 'orgUrl', client: 'clientId' });
    },
  });
  return `Bearer ${accessToken}`;
}

/** Sign in (API token, or a service-app token from a signed assertion), then read one user. */
async function testOkta(context: TestContext): Promise<void> {
  const { base: org, http } = await openHttpsApi(context, 'orgUrl');
  try {
    const usesToken = context.text('authMethod') === 'API_TOKEN';
    const delegated = context.text('authMethod') === USER_CONSENT_FLOW.option;
    const credential = usesToken ? 'apiToken' : delegated ? 'authMethod' : 'privateKey';
    const judge = (probe: HttpAnswer): TestFailure | undefined => {
      if (probe.status === 200) return undefined;
      const { code, summary } = oktaError(probe);
      const details = { providerCode: code ?? `HTTP ${probe.status}`, providerMessage: summary };
      if (probe.status === 401) {
        return new TestFailure(usesToken ? Code.INVALID_CREDENTIALS : Code.PROVIDER_ERROR, {
          field: credential,
          hint: usesToken
            ? 'API tokens expire after 30 days unused and die with their admin: create a new one.'
            : undefined,
          ...details,
        });
      }
      if (probe.status === 403) {
        return new TestFailure(Code.PERMISSION_DENIED, {
          field: usesToken ? 'apiToken' : 'scopes',
          hint: usesToken
            ? "The token's admin lacks the rights to read users."
            : 'Grant okta.users.read to the service app, and an admin role that may read users.',
          ...details,
        });
      }
      return (
        failureForStatus(probe, { credential, location: 'orgUrl' }, summary) ??
        new TestFailure(Code.PROVIDER_ERROR, details)
      );
    };
    const readUser = (authorization: string) => (signal: AbortSignal) =>
      http.request(new URL('/api/v1/users?limit=1', org).toString(), {
        headers: { authorization, accept: 'application/json' },
        field: 'orgUrl',
        signal,
      });
    if (usesToken) {
      await signedInProbe(context, { call: readUser(`SSWS ${context.text('apiToken')}`), field: 'orgUrl', judge });
      return;
    }
    const call = readUser(
      delegated
        ? `Bearer ${await connectedGrantToken(context, USER_CONSENT_FLOW.field)}`
        : await serviceAppToken(context, http, org),
    );
    await judgedProbe(context, { call, field: 'orgUrl', judge });
  } finally {
    await http.close();
  }
}
