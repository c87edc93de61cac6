import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';

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
