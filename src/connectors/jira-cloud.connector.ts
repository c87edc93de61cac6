import {
  type AuthorizationCodeFlow,
  TestErrorCode as Code,
  Connector,
  connectedGrantToken,
  excerpt,
  FormField,
  failureForStatus,
  type HttpAnswer,
  openHttpsApi,
  FormSectionKind as Section,
  TestStepKind as Step,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
  textValue,
} from '../connector-kit';

const THREE_LEGGED = { field: 'authMethod', equals: 'AUTHORIZATION_CODE' };
const API_TOKEN = { not: THREE_LEGGED };
const AUTH_HOST = 'https://auth.atlassian.com';
const API_HOST = 'https://api.atlassian.com';

type Values = Readonly<Record<string, unknown>>;
const authHostOf = (values: Values) => (textValue(values, 'atlassianAuthHost') || AUTH_HOST).replace(/\/+$/, '');
const apiHostOf = (values: Values) => (textValue(values, 'atlassianApiHost') || API_HOST).replace(/\/+$/, '');

/**
 * OAuth 2.0 (3LO) for an app registered in the Atlassian developer console: a user consents at
 * auth.atlassian.com, and calls go through api.atlassian.com/ex/jira/<cloud id>. Atlassian asks
 * for `audience` and `prompt=consent`; offline_access brings a rotating refresh token.
 */
const THREE_LEGGED_FLOW: AuthorizationCodeFlow = {
  field: 'authMethod',
  option: 'AUTHORIZATION_CODE',
  providerName: 'Atlassian',
  clientIdField: 'clientId',
  clientSecretField: 'clientSecret',
  endpoints: (values) => ({
    authorizeUrl: `${authHostOf(values)}/authorize`,
    tokenUrl: `${authHostOf(values)}/oauth/token`,
    field: textValue(values, 'atlassianAuthHost') ? 'atlassianAuthHost' : 'clientId',
  }),
  scopes: () => ['read:jira-user', 'read:jira-work', 'offline_access'],
  extraParameters: () => ({ audience: 'api.atlassian.com', prompt: 'consent' }),
  clientAuthentication: () => 'BODY',
};

@Connector({
  key: 'jira-cloud',
  name: 'Jira Cloud',
  description: 'A Jira Cloud site, through its REST API with an Atlassian account and API token.',
  category: 'project-management',
  version: 1,
  documentationUrl: 'https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    credentialFields: ['siteUrl', 'email'],
    run: testJiraCloud,
  },
  authorizationCode: THREE_LEGGED_FLOW,
})
export class JiraCloudSettings {
  @FormField({
    label: 'Site URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 10,
    required: true,
    placeholder: 'https://acme.atlassian.net',
  })
  siteUrl?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 15,
    defaultValue: 'API_TOKEN',
    options: [
      { value: 'API_TOKEN', label: 'E-mail and API token', description: 'Acts as the account that made the token.' },
      {
        value: 'AUTHORIZATION_CODE',
        label: 'OAuth 2.0 (3LO): a user connects',
        description:
          "An app from the Atlassian developer console; a user consents and the app acts as them. Set the app's callback URL to Plugboard's /oauth/callback.",
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Client ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 16,
    visibleWhen: THREE_LEGGED,
    requiredWhen: THREE_LEGGED,
    helpText: "The app's client ID, from its Settings page in the developer console.",
  })
  clientId?: string;

  @FormField({
    label: 'Client secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 17,
    visibleWhen: THREE_LEGGED,
    requiredWhen: THREE_LEGGED,
  })
  clientSecret?: string;

  @FormField({
    label: 'Account e-mail',
    section: Section.GENERAL,
    type: Type.EMAIL,
    order: 20,
    visibleWhen: API_TOKEN,
    requiredWhen: API_TOKEN,
    helpText: 'The e-mail address of the Atlassian account the integration acts as.',
  })
  email?: string;

  @FormField({
    label: 'API token',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 30,
    visibleWhen: API_TOKEN,
    requiredWhen: API_TOKEN,
    helpText: 'Created at id.atlassian.com > Security > API tokens. Tokens expire; the expiry date is shown there.',
  })
  apiToken?: string;

  @FormField({
    label: 'Project key',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 10,
    optIn: true,
    placeholder: 'OPS',
    validation: { pattern: '^[A-Z][A-Z0-9_]{1,9}$' },
    helpText: 'The project issues are synced with. The test checks the account can browse it.',
  })
  projectKey?: string;

  @FormField({
    label: 'Issue type',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    optIn: true,
    defaultValue: 'Task',
    helpText: 'The issue type created for new tickets.',
  })
  issueType?: string;

  @FormField({
    label: 'Atlassian sign-in host',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 10,
    visibleWhen: THREE_LEGGED,
    placeholder: AUTH_HOST,
    helpText: 'Only for Atlassian Government Cloud or a test endpoint; leave empty for auth.atlassian.com.',
  })
  atlassianAuthHost?: string;

  @FormField({
    label: 'Atlassian API host',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 20,
    visibleWhen: THREE_LEGGED,
    placeholder: API_HOST,
    helpText: 'Only for Atlassian Government Cloud or a test endpoint; leave empty for api.atlassian.com.',
  })
  atlassianApiHost?: string;
}

/** Jira errors: `{ errorMessages: [...], errors: {...} }`. */
function jiraMessage(answer: HttpAnswer): string | undefined {
  try {
    const body = JSON.parse(answer.text) as { errorMessages?: string[]; message?: string };
    return body.errorMessages?.join(' ') || body.message;
  } catch {
    return excerpt(answer.text) || undefined;
  }
}

/**
 * Jira Cloud signs each request with Basic e-mail:API-token; the test reads the account
 * (/myself), then the project the integration syncs with, when one is named.
 */
async function testJiraCloud(context: TestContext): Promise<void> {
  const { base: site, http } = await openHttpsApi(context, 'siteUrl');
  let authorization: string;
  let base = site.toString();
  const credential = context.text('authMethod') === THREE_LEGGED_FLOW.option ? 'authMethod' : 'apiToken';
  const get = (path: string, signal: AbortSignal) =>
    http.request(`${base.replace(/\/+$/, '')}${path}`, {
      headers: { authorization, accept: 'application/json' },
      field: 'siteUrl',
      signal,
    });
  try {
    if (credential === 'authMethod') {
      authorization = `Bearer ${await connectedGrantToken(context, THREE_LEGGED_FLOW.field)}`;
      base = await cloudSiteBase(context, http, site, authorization);
    } else {
      const basic = Buffer.from(`${context.text('email')}:${context.text('apiToken')}`).toString('base64');
      context.scrubber.add(basic);
      authorization = `Basic ${basic}`;
    }
    await context.step(
      Step.AUTHENTICATE,
      async (signal) => {
        const myself = await get('/rest/api/3/myself', signal);
        if (myself.status === 401) {
          throw new TestFailure(Code.INVALID_CREDENTIALS, {
            field: credential,
            message: 'Jira refused the e-mail address and API token.',
            hint: 'Create a new API token at id.atlassian.com (tokens expire) for this account, and check the e-mail address.',
            providerCode: 'HTTP 401',
            providerMessage: jiraMessage(myself),
          });
        }
        if (myself.status === 404) {
          throw new TestFailure(Code.NOT_FOUND, {
            field: 'siteUrl',
            message: 'This is not a Jira Cloud site.',
            providerCode: 'HTTP 404',
          });
        }
        const failure = failureForStatus(myself, { credential, location: 'siteUrl' }, jiraMessage(myself));
        if (failure) throw failure;
      },
      { field: 'siteUrl' },
    );
    // Without a project there is nothing more to check: AUTHORIZE shows SKIPPED.
    const projectKey = context.text('projectKey');
    if (!projectKey) return;
    await context.step(
      Step.AUTHORIZE,
      async (signal) => {
        const project = await get(`/rest/api/3/project/${encodeURIComponent(projectKey)}`, signal);
        if (project.status === 404) {
          throw new TestFailure(Code.NOT_FOUND, {
            field: 'projectKey',
            message: `No project "${projectKey}" is visible to this account.`,
            hint: 'Check the project key, and that the account has the Browse Projects permission on it.',
            providerCode: 'HTTP 404',
            providerMessage: jiraMessage(project),
          });
        }
        const failure = failureForStatus(project, { credential, location: 'projectKey' }, jiraMessage(project));
        if (failure) throw failure;
      },
      { field: 'siteUrl' },
    );
  } finally {
    await http.close();
  }
}

/**
 * With 3LO, calls go through the API gateway to the site's cloud id: the sites the grant may
 * reach are listed by accessible-resources, and the configured site must be one of them.
 */
async function cloudSiteBase(
  context: TestContext,
  http: Awaited<ReturnType<typeof openHttpsApi>>['http'],
  site: URL,
  authorization: string,
): Promise<string> {
  const api = apiHostOf(context.values);
  const apiField = context.text('atlassianApiHost') ? 'atlassianApiHost' : 'siteUrl';
  const answer = await http.request(`${api}/oauth/token/accessible-resources`, {
    headers: { authorization, accept: 'application/json' },
    field: apiField,
    signal: context.signal,
  });
  const failure = failureForStatus(answer, { credential: 'authMethod', location: apiField }, jiraMessage(answer));
  if (failure) throw failure;
  let sites: { id?: string; url?: string }[] = [];
  try {
    sites = JSON.parse(answer.text) as typeof sites;
  } catch {
    // not JSON: no site matches
  }
  const match = Array.isArray(sites)
    ? sites.find((entry) => entry.url && new URL(entry.url).origin === site.origin)
    : undefined;
  if (!match?.id) {
    throw new TestFailure(Code.NOT_FOUND, {
      field: 'siteUrl',
      message: 'The connected account did not grant the app access to this site.',
      hint: 'Connect again and pick this site on the consent screen, or correct the site URL.',
    });
  }
  return `${api}/ex/jira/${encodeURIComponent(match.id)}`;
}
