import {
  TestErrorCode as Code,
  Connector,
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
} from '../connector-kit';

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
    label: 'Account e-mail',
    section: Section.GENERAL,
    type: Type.EMAIL,
    order: 20,
    required: true,
    helpText: 'The e-mail address of the Atlassian account the integration acts as.',
  })
  email?: string;

  @FormField({
    label: 'API token',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 30,
    required: true,
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
  const basic = Buffer.from(`${context.text('email')}:${context.text('apiToken')}`).toString('base64');
  context.scrubber.add(basic);
  const get = (path: string, signal: AbortSignal) =>
    http.request(new URL(path, site).toString(), {
      headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
      field: 'siteUrl',
      signal,
    });
  try {
    await context.step(
      Step.AUTHENTICATE,
      async (signal) => {
        const myself = await get('/rest/api/3/myself', signal);
        if (myself.status === 401) {
          throw new TestFailure(Code.INVALID_CREDENTIALS, {
            field: 'apiToken',
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
        const failure = failureForStatus(myself, { credential: 'apiToken', location: 'siteUrl' }, jiraMessage(myself));
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
        const failure = failureForStatus(
          project,
          { credential: 'apiToken', location: 'projectKey' },
          jiraMessage(project),
        );
        if (failure) throw failure;
      },
      { field: 'siteUrl' },
    );
  } finally {
    await http.close();
  }
}
