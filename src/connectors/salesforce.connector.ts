import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';

const CLIENT_CREDENTIALS = { field: 'authMethod', equals: 'CLIENT_CREDENTIALS' };
const JWT_BEARER = { field: 'authMethod', equals: 'JWT_BEARER' };
const USERNAME_PASSWORD = { field: 'authMethod', equals: 'USERNAME_PASSWORD' };

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
  },
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
    visibleWhen: { any: [CLIENT_CREDENTIALS, USERNAME_PASSWORD] },
    requiredWhen: { any: [CLIENT_CREDENTIALS, USERNAME_PASSWORD] },
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
