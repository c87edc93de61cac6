import {
  type AuthorizationCodeFlow,
  CLIENT_OWNED_HEADERS,
  TestErrorCode as Code,
  Connector,
  CREDENTIAL_HEADERS,
  caCertificateField,
  connectedGrantToken,
  FieldFormat,
  FormField,
  failureForStatus,
  type GuardedHttp,
  type HttpAnswer,
  isWebPage,
  judgedProbe,
  oauthRefusal,
  openHttpsApi,
  RelayReachableSettings,
  requestToken,
  FormSectionKind as Section,
  TestStepKind as Step,
  signedInProbe,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
  textValue,
  tlsOnlyPortFailure,
} from '../connector-kit';

const auth = (...methods: string[]) => ({ field: 'authMethod', in: methods });
const API_KEY = auth('API_KEY_HEADER', 'API_KEY_QUERY');
const OAUTH2 = auth('OAUTH2_CLIENT_CREDENTIALS', 'AUTHORIZATION_CODE');
const AUTHORIZATION_CODE = auth('AUTHORIZATION_CODE');

/**
 * Any provider's authorization code flow, from the form: its authorize and token URLs, scopes
 * and client. PKCE (S256) is always sent; a provider that ignores it still works.
 */
const AUTHORIZATION_CODE_FLOW: AuthorizationCodeFlow = {
  field: 'authMethod',
  option: 'AUTHORIZATION_CODE',
  providerName: 'the API',
  clientIdField: 'clientId',
  clientSecretField: 'clientSecret',
  scopesField: 'scopes',
  endpoints: (values) => ({
    authorizeUrl: textValue(values, 'authorizeUrl'),
    tokenUrl: textValue(values, 'tokenUrl'),
    field: 'tokenUrl',
  }),
  scopes: (values) => textValue(values, 'scopes').split(/\s+/).filter(Boolean),
  clientAuthentication: (values) => (textValue(values, 'clientAuthentication') === 'BODY' ? 'BODY' : 'BASIC'),
};

@Connector({
  key: 'rest-api',
  name: 'REST API',
  description: 'Any HTTP API, with the common ways of signing in.',
  category: 'http',
  version: 1,
  documentationUrl: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.4',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    credentialFields: ['baseUrl', 'username', 'clientId'],
    run: testRestApi,
  },
  authorizationCode: AUTHORIZATION_CODE_FLOW,
})
export class RestApiSettings extends RelayReachableSettings {
  @FormField({
    label: 'Base URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 10,
    required: true,
    placeholder: 'https://api.example.com/v1',
    validation: { protocols: ['https', 'http'] },
    helpText: 'Paths are joined to it. Use https:// unless the API is only reachable inside a trusted network.',
  })
  baseUrl?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 20,
    required: true,
    defaultValue: 'NONE',
    options: [
      { value: 'NONE', label: 'None' },
      { value: 'BASIC', label: 'Basic (username and password)' },
      { value: 'BEARER', label: 'Bearer token' },
      { value: 'API_KEY_HEADER', label: 'API key in a header' },
      { value: 'API_KEY_QUERY', label: 'API key in the query string' },
      { value: 'OAUTH2_CLIENT_CREDENTIALS', label: 'OAuth 2.0 client credentials' },
      {
        value: 'AUTHORIZATION_CODE',
        label: 'OAuth 2.0 authorization code (a user connects)',
        description:
          "A user signs in at the provider and consents; register Plugboard's /oauth/callback as the redirect URI.",
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Username',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    visibleWhen: auth('BASIC'),
    requiredWhen: auth('BASIC'),
  })
  username?: string;

  @FormField({
    label: 'Password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 40,
    visibleWhen: auth('BASIC'),
    requiredWhen: auth('BASIC'),
  })
  password?: string;

  @FormField({
    label: 'Token',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 50,
    visibleWhen: auth('BEARER'),
    requiredWhen: auth('BEARER'),
    helpText: 'Sent as Authorization: Bearer <token>.',
  })
  bearerToken?: string;

  @FormField({
    label: 'Header name',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 60,
    defaultValue: 'X-API-Key',
    visibleWhen: auth('API_KEY_HEADER'),
    requiredWhen: auth('API_KEY_HEADER'),
    validation: { format: FieldFormat.HTTP_HEADER_NAME, maxLength: 128 },
  })
  apiKeyHeaderName?: string;

  @FormField({
    label: 'Query parameter',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 70,
    defaultValue: 'api_key',
    visibleWhen: auth('API_KEY_QUERY'),
    requiredWhen: auth('API_KEY_QUERY'),
    validation: { pattern: '^[A-Za-z0-9_.~-]+$', maxLength: 128 },
    helpText: 'Keys in URLs end up in proxy and server logs; prefer a header when the API allows it.',
  })
  apiKeyQueryParameter?: string;

  @FormField({
    label: 'API key',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 80,
    visibleWhen: API_KEY,
    requiredWhen: API_KEY,
  })
  apiKey?: string;

  @FormField({
    label: 'Authorization URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 85,
    visibleWhen: AUTHORIZATION_CODE,
    requiredWhen: AUTHORIZATION_CODE,
    placeholder: 'https://auth.example.com/oauth2/authorize',
    helpText: "The provider's consent screen (its authorization endpoint).",
  })
  authorizeUrl?: string;

  @FormField({
    label: 'Token URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 90,
    visibleWhen: OAUTH2,
    requiredWhen: OAUTH2,
    placeholder: 'https://auth.example.com/oauth2/token',
  })
  tokenUrl?: string;

  @FormField({
    label: 'Client ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 100,
    visibleWhen: OAUTH2,
    requiredWhen: OAUTH2,
  })
  clientId?: string;

  @FormField({
    label: 'Client secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 110,
    visibleWhen: OAUTH2,
    requiredWhen: OAUTH2,
  })
  clientSecret?: string;

  @FormField({
    label: 'Scopes',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 120,
    visibleWhen: OAUTH2,
    placeholder: 'read:items write:items',
    helpText: 'Space-separated, as the API documents them. Leave empty for the default scopes.',
  })
  scopes?: string;

  @FormField({
    label: 'Test request method',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.SELECT,
    order: 10,
    defaultValue: 'GET',
    options: [
      { value: 'GET', label: 'GET' },
      { value: 'HEAD', label: 'HEAD' },
    ],
    helpText: 'The test sends one request that changes nothing.',
  })
  testMethod?: string;

  @FormField({
    label: 'Test path',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    defaultValue: '/',
    placeholder: '/me',
    validation: { pattern: '^/\\S*$', maxLength: 2048 },
    helpText: 'A path under the base URL that needs the same sign-in as the integration, such as /me.',
  })
  testPath?: string;

  @FormField({
    label: 'Expected status',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.INTEGER,
    order: 30,
    validation: { min: 100, max: 599 },
    helpText: 'Leave empty to accept any 2xx status.',
  })
  expectedStatus?: number;

  @FormField({
    label: 'Custom headers',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.KEY_VALUE_LIST,
    order: 40,
    validation: {
      format: FieldFormat.HTTP_HEADER_NAME,
      reservedNames: [...CLIENT_OWNED_HEADERS],
      secretNames: [...CREDENTIAL_HEADERS],
    },
    helpText:
      'Sent with every request. Not for credentials: these values are shown again. Put headers that carry one (Authorization, X-API-Key, …) in Secret headers.',
  })
  customHeaders?: { name: string; value: string }[];

  @FormField({
    label: 'Secret headers',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.KEY_VALUE_LIST,
    locked: true,
    order: 50,
    validation: { format: FieldFormat.HTTP_HEADER_NAME, reservedNames: [...CLIENT_OWNED_HEADERS], maxItems: 20 },
    helpText:
      'Headers that carry a credential, such as Authorization or X-API-Key. Write-only: stored encrypted, never shown again, and entered again for every test.',
  })
  secretHeaders?: { name: string; value: string }[];

  @FormField({
    label: 'Client authentication',
    section: Section.ADVANCED_OPTIONS,
    type: Type.SELECT,
    order: 10,
    defaultValue: 'HEADER',
    visibleWhen: OAUTH2,
    options: [
      { value: 'HEADER', label: 'HTTP Basic header', description: 'What RFC 6749 recommends.' },
      { value: 'BODY', label: 'In the request body', description: 'client_id and client_secret as form fields.' },
    ],
    helpText: 'How the client ID and secret reach the token URL.',
  })
  clientAuthentication?: string;

  @FormField(caCertificateField("the API's certificate", { order: 20 }))
  caCertificate?: string;
}

/** The locked field a refused credential lives in, per sign-in method. */
const CREDENTIAL_FIELD: Readonly<Record<string, string>> = {
  NONE: 'authMethod',
  BASIC: 'password',
  BEARER: 'bearerToken',
  API_KEY_HEADER: 'apiKey',
  API_KEY_QUERY: 'apiKey',
  OAUTH2_CLIENT_CREDENTIALS: 'clientSecret',
  AUTHORIZATION_CODE: 'authMethod',
};

/** RFC 6749 §5.2 token errors, on this form's fields. */
const TOKEN_FIELDS = { credential: 'clientSecret', location: 'tokenUrl', client: 'clientId', scopes: 'scopes' };

async function clientCredentialsToken(context: TestContext, http: GuardedHttp): Promise<string> {
  const clientId = context.text('clientId');
  const clientSecret = context.text('clientSecret');
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (context.text('scopes')) form.set('scope', context.text('scopes'));
  const headers: Record<string, string> = {};
  if (context.text('clientAuthentication') === 'BODY') {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  } else {
    // RFC 6749 §2.3.1: each part form-encoded before joining, or secrets with + % : break.
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    context.scrubber.add(basic);
    headers.authorization = `Basic ${basic}`;
  }
  const { accessToken } = await requestToken(context, http, {
    url: context.text('tokenUrl'),
    form,
    headers,
    field: 'tokenUrl',
    refusal: (answer, error) => oauthRefusal(answer, error, TOKEN_FIELDS),
  });
  return accessToken;
}

/**
 * Resolve and vet the host, connect, verify TLS, sign in (OAuth token if asked), then send the
 * test request and read its status: 2xx (or the expected status) passes.
 */
async function testRestApi(context: TestContext): Promise<void> {
  const method = context.text('authMethod') || 'NONE';
  const { base, http, address, port } = await openHttpsApi(context, 'baseUrl', 'caCertificate');
  const path = base.pathname.replace(/\/+$/, '') + (context.text('testPath') || '/');
  if (!URL.canParse(path, base.href)) {
    await http.close();
    throw new TestFailure(Code.INVALID_VALUE, { field: 'testPath', message: 'This path does not make a valid URL.' });
  }
  const url = new URL(path, base);
  try {
    const headers: Record<string, string> = { accept: 'application/json, */*' };
    const entries = [
      ...((context.values.customHeaders as { name: string; value: string }[] | undefined) ?? []),
      ...((context.values.secretHeaders as { name: string; value: string }[] | undefined) ?? []),
    ];
    for (const { name, value } of entries) headers[name] = value;
    if (method === 'BASIC') {
      const basic = Buffer.from(`${context.text('username')}:${context.text('password')}`).toString('base64');
      context.scrubber.add(basic);
      headers.authorization = `Basic ${basic}`;
    } else if (method === 'BEARER') {
      headers.authorization = `Bearer ${context.text('bearerToken')}`;
    } else if (method === 'API_KEY_HEADER') {
      headers[context.text('apiKeyHeaderName')] = context.text('apiKey');
    } else if (method === 'API_KEY_QUERY') {
      url.searchParams.set(context.text('apiKeyQueryParameter'), context.text('apiKey'));
    } else if (method === 'OAUTH2_CLIENT_CREDENTIALS') {
      headers.authorization = `Bearer ${await clientCredentialsToken(context, http)}`;
    } else if (method === AUTHORIZATION_CODE_FLOW.option) {
      headers.authorization = `Bearer ${await connectedGrantToken(context, AUTHORIZATION_CODE_FLOW.field)}`;
    }
    const expected = context.values.expectedStatus as number | undefined;
    const call = async (signal: AbortSignal) => {
      try {
        return await http.request(url.toString(), {
          method: context.text('testMethod') === 'HEAD' ? 'HEAD' : 'GET',
          headers,
          field: 'baseUrl',
          signal,
        });
      } catch (error) {
        // http:// to a port that hangs up on plain text: it may speak HTTPS.
        if (base.protocol !== 'http:' || signal.aborted) throw error;
        throw (
          (await tlsOnlyPortFailure(address, port, signal, {
            field: 'baseUrl',
            hint: 'Change the URL to https://.',
          })) ?? error
        );
      }
    };
    const judge = (answer: HttpAnswer): TestFailure | undefined => {
      if (expected !== undefined && answer.status === expected) return undefined;
      const failure = failureForStatus(answer, {
        credential: CREDENTIAL_FIELD[method],
        location: 'testPath',
        url: 'baseUrl',
      });
      if (failure) return failure;
      if (expected !== undefined) {
        return new TestFailure(Code.UNEXPECTED_RESPONSE, {
          field: 'expectedStatus',
          message: `The test request answered ${answer.status}, not the expected ${expected}.`,
        });
      }
      if (isWebPage(answer)) {
        return new TestFailure(Code.UNEXPECTED_RESPONSE, {
          field: 'testPath',
          message: `The test request answered ${answer.status} with a web page (HTML), not an API's answer.`,
          hint: 'Point the base URL and test path at the API: a web app or a sign-in page answered.',
          providerCode: `HTTP ${answer.status}`,
        });
      }
      return undefined;
    };
    if (method === 'NONE' || method === 'OAUTH2_CLIENT_CREDENTIALS' || method === AUTHORIZATION_CODE_FLOW.option) {
      // No credential on the probe (or a token already granted): the call is the permission check.
      await judgedProbe(context, { call, field: 'baseUrl', judge });
    } else {
      await signedInProbe(context, { call, field: 'baseUrl', judge });
    }
  } finally {
    await http.close();
  }
}
