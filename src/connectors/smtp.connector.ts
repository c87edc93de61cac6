import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { caCertificateField, portField } from '../forms/field-presets';
import { FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';
import { RelayReachableSettings } from './relay-reachable.settings';

const PASSWORD_AUTH = { field: 'authMethod', equals: 'PASSWORD' };
const OAUTH_AUTH = { field: 'authMethod', equals: 'OAUTH2_TOKEN' };

@Connector({
  key: 'smtp',
  name: 'SMTP mail',
  description: 'Sends mail through an SMTP server: Exchange Online (Office 365), Gmail, or any other.',
  category: 'email',
  version: 1,
  documentationUrl:
    'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  connectionTest: { steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE], timeoutMs: 20_000 },
})
export class SmtpSettings extends RelayReachableSettings {
  @FormField({
    label: 'SMTP server',
    section: Section.GENERAL,
    type: Type.HOSTNAME,
    order: 10,
    required: true,
    placeholder: 'smtp.office365.com',
    helpText:
      'Office 365: smtp.office365.com (port 587, STARTTLS). Gmail: smtp.gmail.com. Use the DNS name, not an IP.',
  })
  host?: string;

  @FormField(
    portField(587, {
      helpText: '587 for submission with STARTTLS, 465 for implicit TLS (not offered by Office 365), 25 for relays.',
    }),
  )
  port?: number;

  @FormField({
    label: 'Encryption',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 30,
    required: true,
    defaultValue: 'STARTTLS',
    options: [
      {
        value: 'STARTTLS',
        label: 'STARTTLS',
        description: 'Upgrade to TLS after connecting; fail if the server does not offer it.',
      },
      { value: 'IMPLICIT_TLS', label: 'Implicit TLS', description: 'TLS from the first byte, usually port 465.' },
      { value: 'NONE', label: 'None', description: 'No encryption. Only for relays inside a trusted network.' },
    ],
  })
  security?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 40,
    required: true,
    defaultValue: 'PASSWORD',
    options: [
      { value: 'PASSWORD', label: 'Username and password', description: 'AUTH LOGIN or PLAIN.' },
      { value: 'OAUTH2_TOKEN', label: 'OAuth 2.0 access token', description: 'AUTH XOAUTH2 with a token.' },
      { value: 'NONE', label: 'None', description: "An unauthenticated relay that trusts the sender's address." },
    ],
    helpText:
      'Exchange Online turns SMTP AUTH off by default for new tenants and with security defaults; an admin must enable it for the mailbox.',
  })
  authMethod?: string;

  @FormField({
    label: 'Username',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 50,
    visibleWhen: { any: [PASSWORD_AUTH, OAUTH_AUTH] },
    requiredWhen: { any: [PASSWORD_AUTH, OAUTH_AUTH] },
    placeholder: 'alerts@contoso.com',
    helpText: 'Usually the full mailbox address.',
  })
  username?: string;

  @FormField({
    label: 'Password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 60,
    visibleWhen: PASSWORD_AUTH,
    requiredWhen: PASSWORD_AUTH,
    helpText: 'With Gmail and 2-Step Verification, an app password.',
  })
  password?: string;

  @FormField({
    label: 'Access token',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 70,
    visibleWhen: OAUTH_AUTH,
    requiredWhen: OAUTH_AUTH,
    helpText: 'An OAuth 2.0 access token for the SMTP scope (Office 365: https://outlook.office365.com/.default).',
  })
  accessToken?: string;

  @FormField({
    label: 'From address',
    section: Section.GENERAL,
    type: Type.EMAIL,
    order: 80,
    required: true,
    placeholder: 'alerts@contoso.com',
    helpText: 'Office 365 requires it to be the signed-in mailbox unless that mailbox has Send As permission.',
  })
  fromAddress?: string;

  @FormField({
    label: 'Reply-to address',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.EMAIL,
    order: 10,
    helpText: 'Where replies go, when not to the from address.',
  })
  replyToAddress?: string;

  @FormField({
    label: 'EHLO name',
    section: Section.ADVANCED_OPTIONS,
    type: Type.HOSTNAME,
    order: 10,
    helpText: 'The name Plugboard greets the server with. Some relays only accept known names.',
  })
  ehloName?: string;

  @FormField(
    caCertificateField("the server's certificate", {
      order: 20,
      visibleWhen: { field: 'security', notEquals: 'NONE' },
    }),
  )
  caCertificate?: string;

  @FormField({
    label: 'Minimum TLS version',
    section: Section.ADVANCED_OPTIONS,
    type: Type.SELECT,
    order: 30,
    defaultValue: 'TLS_1_2',
    visibleWhen: { field: 'security', notEquals: 'NONE' },
    options: [
      { value: 'TLS_1_2', label: 'TLS 1.2' },
      { value: 'TLS_1_3', label: 'TLS 1.3' },
    ],
  })
  minTlsVersion?: string;
}
