import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  type AuthorizationCodeFlow,
  TestErrorCode as Code,
  Connector,
  connectedGrantToken,
  excerpt,
  FormField,
  failureForStatus,
  type HttpAnswer,
  type OAuthError,
  openHttpsApi,
  requestToken,
  retryAfterSeconds,
  FormSectionKind as Section,
  TestStepKind as Step,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
  textValue,
} from '../connector-kit';

const CLIENT_CREDENTIALS = { field: 'authMethod', equals: 'CLIENT_CREDENTIALS' };
const JWT_BEARER = { field: 'authMethod', equals: 'JWT_BEARER' };
const USERNAME_PASSWORD = { field: 'authMethod', equals: 'USERNAME_PASSWORD' };
const WEB_SERVER = { field: 'authMethod', equals: 'AUTHORIZATION_CODE' };
const WITH_SECRET = { any: [CLIENT_CREDENTIALS, USERNAME_PASSWORD, WEB_SERVER] };

/**
 * The web server flow (authorization code with PKCE) at the org's login URL: a user approves
 * the app, which then acts as that user. `refresh_token` is asked for (Salesforce's name for
 * offline access); the token answer's instance_url is where the runtime sends API calls.
 */
const WEB_SERVER_FLOW: AuthorizationCodeFlow = {
  field: 'authMethod',
  option: 'AUTHORIZATION_CODE',
  providerName: 'Salesforce',
  clientIdField: 'consumerKey',
  clientSecretField: 'consumerSecret',
  endpoints: (values) => {
    const login = (textValue(values, 'loginUrl') || 'https://login.salesforce.com').replace(/\/+$/, '');
    return {
      authorizeUrl: `${login}/services/oauth2/authorize`,
      tokenUrl: `${login}/services/oauth2/token`,
      field: 'loginUrl',
    };
  },
  scopes: () => ['api', 'refresh_token'],
  clientAuthentication: () => 'BODY',
  keptFromTokenAnswer: ['instance_url', 'id'],
  refusal: (answer, error) => classifyToken(answer, error, 'AUTHORIZATION_CODE'),
};

@Connector({
  key: 'salesforce',
  name: 'Salesforce',
  description: 'A Salesforce org, through a connected app or external client app.',
  category: 'crm',
  version: 1,
  documentationUrl: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flows.htm',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    credentialFields: ['loginUrl', 'consumerKey', 'username'],
    run: testSalesforce,
  },
  authorizationCode: WEB_SERVER_FLOW,
})
export class SalesforceSettings {
  @FormField({
    label: 'Login URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 10,
    required: true,
    defaultValue: 'https://login.salesforce.com',
    placeholder: 'https://acme.my.salesforce.com',
    helpText:
      "Prefer your org's My Domain (https://acme.my.salesforce.com; sandboxes: https://acme--uat.sandbox.my.salesforce.com). https://login.salesforce.com is production, https://test.salesforce.com a sandbox. Client credentials only work on My Domain.",
  })
  loginUrl?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 20,
    required: true,
    defaultValue: 'CLIENT_CREDENTIALS',
    options: [
      {
        value: 'CLIENT_CREDENTIALS',
        label: 'Client credentials',
        description: 'The app signs in as its Run As integration user. Needs the flow enabled on the app.',
      },
      {
        value: 'JWT_BEARER',
        label: 'JWT bearer (certificate)',
        description: 'A key pair; the certificate is uploaded to the app and the user pre-authorized.',
      },
      {
        value: 'USERNAME_PASSWORD',
        label: 'Username and password (legacy)',
        description: "Blocked by default in orgs created since Summer '23; Salesforce is retiring it.",
      },
      {
        value: 'AUTHORIZATION_CODE',
        label: 'A user connects (web server flow)',
        description:
          "A user signs in at Salesforce and approves the app, which then acts as them. Needs the app's callback URL set to Plugboard's /oauth/callback.",
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Consumer key',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    required: true,
    helpText: "The app's client ID, from its OAuth settings.",
  })
  consumerKey?: string;

  @FormField({
    label: 'Consumer secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 40,
    visibleWhen: WITH_SECRET,
    requiredWhen: WITH_SECRET,
    helpText: "The app's client secret.",
  })
  consumerSecret?: string;

  @FormField({
    label: 'Username',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 50,
    visibleWhen: { any: [JWT_BEARER, USERNAME_PASSWORD] },
    requiredWhen: { any: [JWT_BEARER, USERNAME_PASSWORD] },
    placeholder: 'integration@acme.com',
    helpText: 'The Salesforce username the integration acts as.',
  })
  username?: string;

  @FormField({
    label: 'Private key',
    section: Section.GENERAL,
    type: Type.PRIVATE_KEY,
    order: 60,
    visibleWhen: JWT_BEARER,
    requiredWhen: JWT_BEARER,
    helpText: 'The RSA private key whose certificate is uploaded to the app ("Use digital signatures").',
  })
  privateKey?: string;

  @FormField({
    label: 'Password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 70,
    visibleWhen: USERNAME_PASSWORD,
    requiredWhen: USERNAME_PASSWORD,
  })
  password?: string;

  @FormField({
    label: 'Security token',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 80,
    visibleWhen: USERNAME_PASSWORD,
    helpText: "Sent after the password. Not needed when Plugboard's addresses are trusted IP ranges of the org.",
  })
  securityToken?: string;

  @FormField({
    label: 'API version',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 10,
    defaultValue: 'v62.0',
    validation: { pattern: '^v[0-9]{2,3}\\.0$' },
    helpText: 'Such as v62.0, with the ".0". Versions before 31.0 are retired.',
  })
  apiVersion?: string;

  @FormField({
    label: 'Object to check',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    defaultValue: 'Account',
    validation: { pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 80 },
    helpText: 'The test reads the description of this object, to check the integration user may access it.',
  })
  probeObject?: string;

  @FormField({
    label: 'JWT audience',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 10,
    visibleWhen: JWT_BEARER,
    placeholder: 'https://login.salesforce.com',
    helpText:
      'Only for Experience Cloud sites. Otherwise production uses login.salesforce.com and sandboxes test.salesforce.com.',
  })
  jwtAudience?: string;
}

const LOGIN_HISTORY_HINT = 'Salesforce hides the reason on purpose: an admin finds it under Setup > Login History.';

/**
 * The field that names the user for this flow: the username, or (client credentials, where
 * the app's Run As user signs in and no username is shown) the app's consumer key.
 */
const userField = (method: string) => (method === 'CLIENT_CREDENTIALS' ? 'consumerKey' : 'username');
/** The field holding the app's credential: the consumer secret, or the JWT flow's private key. */
const appCredentialField = (method: string) => (method === 'JWT_BEARER' ? 'privateKey' : 'consumerSecret');

/** Salesforce token-endpoint errors: `error` plus a short `error_description`. */
function classifyToken(answer: HttpAnswer, error: OAuthError | undefined, method: string): TestFailure {
  if (!error) {
    return (
      failureForStatus(answer, { credential: appCredentialField(method), location: 'loginUrl' }) ??
      new TestFailure(Code.UNEXPECTED_RESPONSE, {
        field: 'loginUrl',
        message: 'The login URL did not answer like Salesforce.',
      })
    );
  }
  const body = { error: error.error };
  const description = error.description ?? '';
  const details = { providerCode: error.error, providerMessage: description || undefined };
  if (body.error === 'invalid_client_id') {
    return new TestFailure(Code.APP_NOT_FOUND, {
      field: 'consumerKey',
      message: 'No app with this consumer key exists in this org.',
      hint: 'Copy the consumer key from the app in this org (a production key does not work on a sandbox). A new app can take 10 minutes to work.',
      ...details,
    });
  }
  if (body.error === 'invalid_client')
    return new TestFailure(Code.INVALID_CREDENTIALS, { field: appCredentialField(method), ...details });
  if (body.error === 'rate_limit_exceeded') return new TestFailure(Code.THROTTLED, details);
  if (body.error === 'inactive_user')
    return new TestFailure(Code.ACCOUNT_DISABLED, { field: userField(method), ...details });
  if (/ip restricted/i.test(description)) {
    return new TestFailure(Code.ACCESS_RULE_REJECTED, {
      field: userField(method),
      message: "The user's profile does not allow sign-in from Plugboard's IP address.",
      hint: "Add Plugboard's egress addresses to the profile's Login IP Ranges, or relax the session IP lock.",
      ...details,
    });
  }
  if (/hasn't approved this consumer/i.test(description)) {
    return new TestFailure(Code.CONSENT_REQUIRED, {
      field: userField(method),
      hint: 'Set the app to "Admin approved users are pre-authorized" and add the user\'s profile or permission set.',
      ...details,
    });
  }
  if (/audience/i.test(description))
    return new TestFailure(Code.INVALID_VALUE, {
      field: 'jwtAudience',
      message: 'Salesforce refused the JWT audience.',
      ...details,
    });
  if (/invalid assertion/i.test(description)) {
    return new TestFailure(Code.INVALID_CREDENTIALS, {
      field: 'privateKey',
      hint: 'Use the private key of the certificate uploaded to the app.',
      ...details,
    });
  }
  if (/not supported on this domain/i.test(description)) {
    return new TestFailure(Code.INVALID_VALUE, {
      field: 'loginUrl',
      message: 'The client-credentials flow only works on your My Domain URL.',
      hint: 'Enter https://<your-domain>.my.salesforce.com as the login URL.',
      ...details,
    });
  }
  if (/client credentials user/i.test(description)) {
    return new TestFailure(Code.INVALID_VALUE, {
      field: 'consumerKey',
      message: 'The app has no "Run As" user for the client-credentials flow.',
      ...details,
    });
  }
  if (/authentication failure/i.test(description)) {
    return new TestFailure(Code.INVALID_CREDENTIALS, {
      field: method === 'USERNAME_PASSWORD' ? 'password' : userField(method),
      hint:
        method === 'USERNAME_PASSWORD'
          ? `Check the password and security token. Orgs created since Summer '23 block this flow unless "Allow OAuth Username-Password Flows" is on. ${LOGIN_HISTORY_HINT}`
          : LOGIN_HISTORY_HINT,
      ...details,
    });
  }
  return new TestFailure(Code.PROVIDER_ERROR, details);
}

/** Salesforce REST errors: an array of `{ message, errorCode }`. */
function classifyApi(answer: HttpAnswer, method: string): TestFailure {
  let first: { message?: string; errorCode?: string } = {};
  try {
    [first] = JSON.parse(answer.text) as (typeof first)[];
  } catch {
    // not JSON: the status decides
  }
  const details = {
    providerCode: first?.errorCode ?? `HTTP ${answer.status}`,
    providerMessage: first?.message ?? (excerpt(answer.text) || undefined),
  };
  switch (first?.errorCode) {
    case 'API_DISABLED_FOR_ORG':
      return new TestFailure(Code.PERMISSION_DENIED, {
        field: userField(method),
        message: 'The REST API is not enabled for this org or user.',
        hint: 'Give the integration user the "API Enabled" permission (and an edition with API access).',
        ...details,
      });
    case 'REQUEST_LIMIT_EXCEEDED':
      return new TestFailure(Code.THROTTLED, {
        message: "The org's daily API request limit is used up.",
        hint: 'The limit is a rolling 24 hours: wait, or buy more API calls. Integrations sharing one org share this limit.',
        ...details,
      });
    case 'INVALID_SESSION_ID':
      return new TestFailure(Code.ACCESS_RULE_REJECTED, {
        field: userField(method),
        message: 'Salesforce issued a token but refused it on the API: a session security policy (IP lock) applies.',
        ...details,
      });
  }
  if (answer.status === 404)
    return new TestFailure(Code.NOT_FOUND, {
      field: 'probeObject',
      message: 'The object or API version to check does not exist in this org.',
      ...details,
    });
  if (answer.status === 410)
    return new TestFailure(Code.NOT_FOUND, {
      field: 'apiVersion',
      message: 'This API version is retired.',
      hint: 'Raise the API version (such as v62.0).',
      ...details,
    });
  if (answer.status === 403) return new TestFailure(Code.PERMISSION_DENIED, { field: 'probeObject', ...details });
  return (
    failureForStatus(
      answer,
      { credential: appCredentialField(method), location: 'loginUrl' },
      details.providerMessage,
    ) ?? new TestFailure(Code.UNEXPECTED_RESPONSE, details)
  );
}

async function jwtAssertion(context: TestContext, loginUrl: URL): Promise<string> {
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(context.text('privateKey'));
  } catch {
    throw new TestFailure(Code.INVALID_VALUE, { field: 'privateKey', message: 'The private key cannot be read.' });
  }
  const sandbox = /test\.salesforce\.com|--|\.sandbox\./.test(loginUrl.hostname);
  const audience =
    context.text('jwtAudience') || (sandbox ? 'https://test.salesforce.com' : 'https://login.salesforce.com');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(context.text('consumerKey'))
    .setSubject(context.text('username'))
    .setAudience(audience)
    .setExpirationTime(Math.floor(Date.now() / 1000) + 180)
    .sign(key);
}

/**
 * Get a token with the chosen OAuth flow at the login URL, then read one object's description
 * at the instance URL the token names, with the API version the integration uses.
 */
async function testSalesforce(context: TestContext): Promise<void> {
  const { base: loginUrl, http } = await openHttpsApi(context, 'loginUrl');
  const method = context.text('authMethod') || 'CLIENT_CREDENTIALS';
  try {
    if (method === WEB_SERVER_FLOW.option) {
      const token = await connectedGrantToken(context, WEB_SERVER_FLOW.field);
      const instanceUrl = context.connectedGrant?.providerValues.instance_url ?? loginUrl.toString();
      await probeObject(context, http, instanceUrl, token, method);
      return;
    }
    const form = new URLSearchParams();
    if (method === 'JWT_BEARER') {
      const assertion = await jwtAssertion(context, loginUrl);
      context.scrubber.add(assertion);
      form.set('grant_type', 'urn:ietf:params:oauth:grant-type:jwt-bearer');
      form.set('assertion', assertion);
    } else {
      form.set('grant_type', method === 'USERNAME_PASSWORD' ? 'password' : 'client_credentials');
      form.set('client_id', context.text('consumerKey'));
      form.set('client_secret', context.text('consumerSecret'));
      if (method === 'USERNAME_PASSWORD') {
        form.set('username', context.text('username'));
        form.set('password', context.text('password') + context.text('securityToken'));
        context.scrubber.add(context.text('password') + context.text('securityToken'));
      }
    }
    const granted = await requestToken(context, http, {
      url: new URL('/services/oauth2/token', loginUrl).toString(),
      form,
      field: 'loginUrl',
      refusal: (answer, error) => classifyToken(answer, error, method),
      check: (grant) =>
        typeof grant.body.instance_url === 'string' && URL.canParse(grant.body.instance_url)
          ? undefined
          : new TestFailure(Code.UNEXPECTED_RESPONSE, {
              field: 'loginUrl',
              message: 'The token answer has no instance URL.',
            }),
    });
    await probeObject(context, http, String(granted.body.instance_url), granted.accessToken, method);
  } finally {
    await http.close();
  }
}

/** Reads one object's description at the instance, with the API version the integration uses. */
async function probeObject(
  context: TestContext,
  http: Awaited<ReturnType<typeof openHttpsApi>>['http'],
  instanceUrl: string,
  token: string,
  method: string,
): Promise<void> {
  const path = `/services/data/${context.text('apiVersion') || 'v62.0'}/sobjects/${encodeURIComponent(context.text('probeObject') || 'Account')}`;
  await context.step(
    Step.AUTHORIZE,
    async (signal) => {
      const probe = await http.request(new URL(path, instanceUrl).toString(), {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        field: 'loginUrl',
        signal,
      });
      if (probe.status === 200) return;
      const failure = classifyApi(probe, method);
      if (failure.error.code === Code.THROTTLED && failure.error.retryAfterSeconds === undefined) {
        failure.error.retryAfterSeconds = retryAfterSeconds(probe);
      }
      throw failure;
    },
    { field: 'loginUrl' },
  );
}
