import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { caCertificateField, portField } from '../forms/field-presets';
import { FieldFormat, FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';
import { RelayReachableSettings } from './relay-reachable.settings';

const ENCRYPTED = { field: 'security', notEquals: 'NONE' };

@Connector({
  key: 'ldap',
  name: 'LDAP / Active Directory',
  description: 'An LDAP directory such as an on-premises Active Directory, read with a service account.',
  category: 'directory',
  version: 1,
  documentationUrl: 'https://www.rfc-editor.org/rfc/rfc4511',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
  },
})
export class LdapSettings extends RelayReachableSettings {
  @FormField({
    label: 'Server',
    section: Section.GENERAL,
    type: Type.HOSTNAME,
    order: 10,
    required: true,
    placeholder: 'dc01.corp.example.com',
    helpText: 'A domain controller or LDAP server. Use the name its certificate carries.',
  })
  host?: string;

  @FormField(portField(636, { helpText: '636 for LDAPS; 389 for StartTLS or plain LDAP.' }))
  port?: number;

  @FormField({
    label: 'Encryption',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 30,
    required: true,
    defaultValue: 'LDAPS',
    options: [
      { value: 'LDAPS', label: 'LDAPS', description: 'TLS from the first byte (ldaps://).' },
      { value: 'STARTTLS', label: 'StartTLS', description: 'Upgrade a plain connection before signing in.' },
      {
        value: 'NONE',
        label: 'None',
        description: 'The password crosses the network in clear; domain controllers that require signing refuse it.',
      },
    ],
  })
  security?: string;

  @FormField({
    label: 'Bind account',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 40,
    required: true,
    placeholder: 'CN=svc-plugboard,OU=Service Accounts,DC=corp,DC=example',
    helpText: 'A distinguished name, a UPN (svc-plugboard@corp.example) or CORP\\svc-plugboard.',
  })
  bindDn?: string;

  @FormField({
    label: 'Bind password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 50,
    required: true,
    validation: { minLength: 1 },
    helpText: 'Never empty: Active Directory treats an empty password as an anonymous sign-in.',
  })
  bindPassword?: string;

  @FormField({
    label: 'Base DN',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 60,
    required: true,
    placeholder: 'DC=corp,DC=example',
    validation: { format: FieldFormat.DISTINGUISHED_NAME },
    helpText: 'Where searches start. The test reads this entry to check the account may see it.',
  })
  baseDn?: string;

  @FormField({
    label: 'User filter',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 10,
    optIn: true,
    defaultValue: '(&(objectCategory=person)(objectClass=user))',
    helpText: 'An LDAP filter that selects the users to read.',
  })
  userFilter?: string;

  @FormField({
    label: 'Group base DN',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    optIn: true,
    validation: { format: FieldFormat.DISTINGUISHED_NAME },
    helpText: 'Where groups are read from, when not under the base DN.',
  })
  groupBaseDn?: string;

  @FormField(
    caCertificateField("the domain controller's certificate (usually your enterprise CA)", {
      order: 10,
      visibleWhen: ENCRYPTED,
    }),
  )
  caCertificate?: string;

  @FormField({
    label: 'TLS server name',
    section: Section.ADVANCED_OPTIONS,
    type: Type.HOSTNAME,
    order: 20,
    visibleWhen: ENCRYPTED,
    helpText: 'The name to expect in the certificate, when it differs from the server address.',
  })
  tlsServerName?: string;
}
