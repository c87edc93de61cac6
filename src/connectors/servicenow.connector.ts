import {
  type AuthorizationCodeFlow,
  TestErrorCode as Code,
  Connector,
  connectedGrantToken,
  excerpt,
  FormField,
  failureForStatus,
  type HttpAnswer,
  judgedProbe,
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

const WITH_USER = { field: 'authMethod', in: ['BASIC', 'OAUTH_PASSWORD'] };
const OAUTH = { field: 'authMethod', in: ['OAUTH_PASSWORD', 'OAUTH_CLIENT_CREDENTIALS', 'AUTHORIZATION_CODE'] };

/**
 * A user approves the OAuth application at the instance (oauth_auth.do), which then acts as
 * them; tokens come from oauth_token.do. ServiceNow issues a refresh token with every code.
 */
const USER_CONSENT_FLOW: AuthorizationCodeFlow = {
  field: 'authMethod',
  option: 'AUTHORIZATION_CODE',
  providerName: 'ServiceNow',
  clientIdField: 'clientId',
  clientSecretField: 'clientSecret',
  endpoints: (values) => {
    const instance = textValue(values, 'instanceUrl').replace(/\/+$/, '');
    return { authorizeUrl: `${instance}/oauth_auth.do`, tokenUrl: `${instance}/oauth_token.do`, field: 'instanceUrl' };
  },
  scopes: () => ['useraccount'],
  clientAuthentication: () => 'BODY',
};

@Connector({
  key: 'servicenow',
  name: 'ServiceNow',
  description: 'A ServiceNow instance, through its REST Table API.',
  category: 'itsm',
  version: 1,
  documentationUrl:
    'https://www.servicenow.com/docs/bundle/latest-api-implementation-reference/page/integrate/inbound-rest/concept/c_TableAPI.html',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    credentialFields: ['instanceUrl', 'username', 'clientId'],
    run: testServicenow,
  },
  authorizationCode: USER_CONSENT_FLOW,
})
export class ServicenowSettings {
  @FormField({
    label: 'Instance URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 10,
    required: true,
    placeholder: 'https://acme.service-now.com',
    helpText: 'The address you sign in at. Custom domains work too.',
  })
  instanceUrl?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 20,
    required: true,
    defaultValue: 'BASIC',
    options: [
      {
        value: 'BASIC',
        label: 'Basic (username and password)',
        description: 'A local user; SSO-only users cannot sign in this way.',
      },
      { value: 'OAUTH_PASSWORD', label: 'OAuth (password grant)', description: 'An OAuth client plus a user.' },
      {
        value: 'OAUTH_CLIENT_CREDENTIALS',
        label: 'OAuth (client credentials)',
        description: 'Needs the client credentials grant enabled and an OAuth application user.',
      },
      {
        value: 'AUTHORIZATION_CODE',
        label: 'OAuth (a user connects)',
        description:
          "A user signs in at the instance and allows the OAuth application, which then acts as them. Set the application's redirect URL to Plugboard's /oauth/callback.",
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Username',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    visibleWhen: WITH_USER,
    requiredWhen: WITH_USER,
    helpText: 'A local ServiceNow user with web service access.',
  })
  username?: string;

  @FormField({
    label: 'Password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 40,
    visibleWhen: WITH_USER,
    requiredWhen: WITH_USER,
  })
  password?: string;

  @FormField({
    label: 'Client ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 50,
    visibleWhen: OAUTH,
    requiredWhen: OAUTH,
    helpText: 'From System OAuth > Application Registry.',
  })
  clientId?: string;

  @FormField({
    label: 'Client secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 60,
    visibleWhen: OAUTH,
    requiredWhen: OAUTH,
  })
  clientSecret?: string;

  @FormField({
    label: 'Table to check',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 10,
    defaultValue: 'incident',
    validation: { pattern: '^[a-z][a-z0-9_]*$', maxLength: 80 },
    helpText:
      'The test reads one record of this table, to check the user may read it. Use the table the integration uses.',
  })
  probeTable?: string;

  @FormField({
    label: 'Assignment group',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    optIn: true,
    placeholder: 'Service Desk',
    helpText: 'The group new tickets are assigned to.',
  })
  assignmentGroup?: string;
}

const HIBERNATING = new TestFailure(Code.PROVIDER_UNAVAILABLE, {
  field: 'instanceUrl',
  message: 'This developer instance is hibernating.',
  hint: 'Sign in at developer.servicenow.com to wake it, then test again.',
});

/** ServiceNow errors: `{ error: { message, detail }, status: "failure" }`, or a hibernation page. */
function classifyServicenow(answer: HttpAnswer, credential: string): TestFailure {
  const location = answer.headers.location;
  if (/developer\.servicenow\.com/.test(String(location ?? '')) || /hibernating/i.test(answer.text)) return HIBERNATING;
  let message: string | undefined;
  try {
    const body = JSON.parse(answer.text) as {
      error?: { message?: string; detail?: string } | string;
      error_description?: string;
    };
    message =
      typeof body.error === 'object'
        ? [body.error.message, body.error.detail].filter(Boolean).join(': ')
        : body.error_description;
  } catch {
    if (answer.status === 200) {
      return new TestFailure(Code.UNEXPECTED_RESPONSE, {
        field: 'instanceUrl',
        message: 'The instance answered with a web page (a sign-in or SSO page?) instead of the API.',
      });
    }
  }
  if (answer.status === 403) {
    return new TestFailure(Code.PERMISSION_DENIED, {
      field: 'probeTable',
      hint: 'Give the user a role with read access to the table (and snc_platform_rest_api_access where REST ACLs require it).',
      providerCode: 'HTTP 403',
      providerMessage: message,
    });
  }
  if (answer.status === 400 || answer.status === 404) {
    return new TestFailure(Code.NOT_FOUND, {
      field: 'probeTable',
      message: 'The table does not exist, or an ACL hides it.',
      providerCode: `HTTP ${answer.status}`,
      providerMessage: message,
    });
  }
  return (
    failureForStatus(answer, { credential, location: 'instanceUrl' }, message ?? (excerpt(answer.text) || undefined)) ??
    new TestFailure(Code.UNEXPECTED_RESPONSE, { field: 'instanceUrl' })
  );
}

/** Sign in (Basic, or an OAuth token from oauth_token.do), then read one row of the table. */
async function testServicenow(context: TestContext): Promise<void> {
  const { base: instance, http } = await openHttpsApi(context, 'instanceUrl');
  const method = context.text('authMethod') || 'BASIC';
  try {
    let authorization: string;
    let credential = 'password';
    if (method === USER_CONSENT_FLOW.option) {
      credential = 'authMethod';
      authorization = `Bearer ${await connectedGrantToken(context, USER_CONSENT_FLOW.field)}`;
    } else if (method === 'BASIC') {
      authorization = `Basic ${Buffer.from(`${context.text('username')}:${context.text('password')}`).toString('base64')}`;
      context.scrubber.add(authorization.slice(6));
    } else {
      credential = 'clientSecret';
      const form = new URLSearchParams({
        client_id: context.text('clientId'),
        client_secret: context.text('clientSecret'),
      });
      if (method === 'OAUTH_PASSWORD') {
        form.set('grant_type', 'password');
        form.set('username', context.text('username'));
        form.set('password', context.text('password'));
      } else {
        form.set('grant_type', 'client_credentials');
      }
      const { accessToken } = await requestToken(context, http, {
        url: new URL('/oauth_token.do', instance).toString(),
        form,
        field: 'instanceUrl',
        refusal: (answer) => {
          if (answer.status !== 401) return classifyServicenow(answer, credential);
          return new TestFailure(Code.INVALID_CREDENTIALS, {
            field: 'clientSecret',
            message: 'ServiceNow refused the OAuth sign-in.',
            hint:
              method === 'OAUTH_CLIENT_CREDENTIALS'
                ? 'Check the client ID and secret; the client-credentials grant also needs glide.oauth.inbound.client.credential.grant_type.enabled = true and an OAuth application user.'
                : 'Check the client ID and secret, and the username and password (ServiceNow does not say which).',
            providerCode: 'HTTP 401',
          });
        },
      });
      authorization = `Bearer ${accessToken}`;
    }
    const table = encodeURIComponent(context.text('probeTable') || 'incident');
    const call = (signal: AbortSignal) =>
      http.request(
        new URL(
          `/api/now/table/${table}?sysparm_limit=1&sysparm_fields=sys_id&sysparm_no_count=true`,
          instance,
        ).toString(),
        { headers: { authorization, accept: 'application/json' }, field: 'instanceUrl', signal },
      );
    const judge = (probe: HttpAnswer): TestFailure | undefined => {
      if (probe.status !== 200) return classifyServicenow(probe, credential);
      try {
        if (Array.isArray((JSON.parse(probe.text) as { result?: unknown }).result)) return undefined;
      } catch {
        // a page, not the Table API's JSON: classified below
      }
      return classifyServicenow(probe, credential);
    };
    if (method === 'BASIC') {
      await signedInProbe(context, { call, field: 'instanceUrl', judge });
      return;
    }
    await judgedProbe(context, { call, field: 'instanceUrl', judge });
  } finally {
    await http.close();
  }
}
