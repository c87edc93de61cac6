import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';

const API_TOKEN = { field: 'authMethod', equals: 'API_TOKEN' };
const SERVICE_APP = { field: 'authMethod', equals: 'OAUTH_SERVICE_APP' };

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
  },
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
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Client ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    visibleWhen: SERVICE_APP,
    requiredWhen: SERVICE_APP,
  })
  clientId?: string;

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
    visibleWhen: SERVICE_APP,
    options: [
      { value: 'okta.users.read', label: 'Read users' },
      { value: 'okta.users.manage', label: 'Manage users' },
      { value: 'okta.groups.read', label: 'Read groups' },
      { value: 'okta.groups.manage', label: 'Manage groups' },
    ],
    helpText: 'Grant the same scopes to the service app in the Okta admin console.',
  })
  scopes?: string[];
}
