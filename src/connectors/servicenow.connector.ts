import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';

const WITH_USER = { field: 'authMethod', in: ['BASIC', 'OAUTH_PASSWORD'] };
const OAUTH = { field: 'authMethod', in: ['OAUTH_PASSWORD', 'OAUTH_CLIENT_CREDENTIALS'] };

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
  },
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
