import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { FieldFormat, FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';

const USER_SIGN_IN = { field: 'legacyUserSignIn', equals: true };

@Connector({
  key: 'microsoft-graph',
  name: 'Microsoft 365 (Entra ID and Graph)',
  description:
    'Microsoft 365 through Microsoft Graph, signed in as an app registered in Microsoft Entra ID, with a client secret or a certificate.',
  category: 'identity',
  version: 1,
  documentationUrl: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
  },
})
export class MicrosoftGraphSettings {
  @FormField({
    label: 'Directory (tenant) ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 10,
    required: true,
    placeholder: 'contoso.onmicrosoft.com',
    validation: { format: FieldFormat.UUID_OR_DOMAIN, maxLength: 253 },
    helpText:
      'The tenant GUID or a verified domain, from the app registration\'s Overview page in the Entra admin center. Not "common".',
  })
  tenantId?: string;

  @FormField({
    label: 'Application (client) ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 20,
    required: true,
    placeholder: '00000000-0000-0000-0000-000000000000',
    validation: { format: FieldFormat.UUID },
    helpText: "The GUID on the app registration's Overview page.",
  })
  clientId?: string;

  @FormField({
    label: 'App credential',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 30,
    required: true,
    defaultValue: 'CLIENT_SECRET',
    options: [
      { value: 'CLIENT_SECRET', label: 'Client secret', description: 'A secret created under Certificates & secrets.' },
      {
        value: 'CERTIFICATE',
        label: 'Certificate',
        description: 'A certificate uploaded to the app registration; its private key signs each sign-in.',
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Client secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 40,
    visibleWhen: { field: 'authMethod', equals: 'CLIENT_SECRET' },
    requiredWhen: { all: [{ field: 'authMethod', equals: 'CLIENT_SECRET' }, { not: USER_SIGN_IN }] },
    helpText:
      "The secret's Value, shown once when it is created, not its Secret ID. Secrets expire: note the expiry date and renew before it.",
  })
  clientSecret?: string;

  @FormField({
    label: 'Certificate',
    section: Section.GENERAL,
    type: Type.CERTIFICATE,
    order: 50,
    visibleWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    requiredWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    helpText: 'The public certificate (PEM) uploaded to the app registration. Its thumbprint identifies the key.',
  })
  certificate?: string;

  @FormField({
    label: 'Certificate private key',
    section: Section.GENERAL,
    type: Type.PRIVATE_KEY,
    order: 60,
    visibleWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    requiredWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    helpText: 'The private key of that certificate, in PEM form.',
  })
  privateKey?: string;

  @FormField({
    label: 'Private key passphrase',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 70,
    visibleWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    helpText: 'Only when the private key is encrypted.',
  })
  privateKeyPassphrase?: string;

  @FormField({
    label: 'Permission to check',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.SELECT,
    order: 10,
    defaultValue: 'ORGANIZATION',
    options: [
      {
        value: 'ORGANIZATION',
        label: 'Read the organization (Directory.Read.All)',
        description: 'GET /organization',
      },
      { value: 'USERS', label: 'Read users (User.Read.All)', description: 'GET /users?$top=1' },
    ],
    helpText:
      'The test signs in, then makes one Graph call that needs this application permission, with admin consent granted.',
  })
  permissionProbe?: string;

  @FormField({
    label: 'User filter',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    optIn: true,
    placeholder: "accountEnabled eq true and userType eq 'Member'",
    helpText: 'An OData $filter that limits which users are read.',
  })
  userFilter?: string;

  @FormField({
    label: 'SharePoint site',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.URL,
    order: 30,
    optIn: true,
    placeholder: 'https://contoso.sharepoint.com/sites/finance',
    helpText: 'The site whose document library receives exported files.',
  })
  sharePointSiteUrl?: string;

  @FormField({
    label: 'National cloud',
    section: Section.ADVANCED_OPTIONS,
    type: Type.SELECT,
    order: 10,
    defaultValue: 'GLOBAL',
    options: [
      { value: 'GLOBAL', label: 'Global (and GCC)', description: 'login.microsoftonline.com, graph.microsoft.com' },
      {
        value: 'US_GOV',
        label: 'US Government L4 (GCC High)',
        description: 'login.microsoftonline.us, graph.microsoft.us',
      },
      {
        value: 'US_GOV_DOD',
        label: 'US Government L5 (DoD)',
        description: 'login.microsoftonline.us, dod-graph.microsoft.us',
      },
      {
        value: 'CHINA',
        label: 'China (21Vianet)',
        description: 'login.chinacloudapi.cn, microsoftgraph.chinacloudapi.cn',
      },
    ],
    helpText: 'Tokens from one cloud do not work in another. Pick the cloud the tenant lives in.',
  })
  nationalCloud?: string;

  @FormField({
    label: 'Sign-in host override',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 20,
    placeholder: 'https://login.microsoftonline.com',
    helpText: "Replaces the national cloud's sign-in host, for a private or test endpoint. Leave empty otherwise.",
  })
  authorityHost?: string;

  @FormField({
    label: 'Graph host override',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 30,
    placeholder: 'https://graph.microsoft.com',
    helpText: "Replaces the national cloud's Graph host. Must belong to the same cloud as the sign-in host.",
  })
  graphHost?: string;

  @FormField({
    label: 'Sign in as a user (legacy)',
    section: Section.ADVANCED_OPTIONS,
    type: Type.BOOLEAN,
    order: 40,
    defaultValue: false,
    helpText:
      "Uses a user's name and password (the OAuth password grant) instead of the app's own permissions. It fails for accounts that need MFA, for federated and passwordless accounts, and wherever conditional access or security defaults block legacy authentication. Use it only for a dedicated service account excluded from those policies.",
  })
  legacyUserSignIn?: boolean;

  @FormField({
    label: 'Username',
    section: Section.ADVANCED_OPTIONS,
    type: Type.EMAIL,
    order: 50,
    visibleWhen: USER_SIGN_IN,
    requiredWhen: USER_SIGN_IN,
    placeholder: 'svc-integration@contoso.com',
    helpText: "The account's user principal name.",
  })
  username?: string;

  @FormField({
    label: 'Password',
    section: Section.ADVANCED_OPTIONS,
    type: Type.SECRET,
    order: 60,
    visibleWhen: USER_SIGN_IN,
    requiredWhen: USER_SIGN_IN,
    helpText: 'Leading and trailing spaces are not supported by this sign-in method.',
  })
  password?: string;
}
