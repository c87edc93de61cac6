import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { caCertificateField, portField } from '../forms/field-presets';
import { FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';
import { RelayReachableSettings } from './relay-reachable.settings';

const VERIFIED_SSL = { field: 'sslMode', in: ['VERIFY_CA', 'VERIFY_FULL'] };
const ANY_SSL = { field: 'sslMode', notEquals: 'DISABLE' };

@Connector({
  key: 'postgresql',
  name: 'PostgreSQL',
  description: 'A PostgreSQL database, reached with a database user and password over TLS.',
  category: 'database',
  version: 1,
  documentationUrl: 'https://www.postgresql.org/docs/current/libpq-connect.html',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
  },
})
export class PostgresqlSettings extends RelayReachableSettings {
  @FormField({
    label: 'Host',
    section: Section.GENERAL,
    type: Type.HOSTNAME,
    order: 10,
    required: true,
    placeholder: 'db.corp.example.com',
    helpText: 'The DNS name or IP address of the database server, without a port.',
  })
  host?: string;

  @FormField(portField(5432))
  port?: number;

  @FormField({
    label: 'Database',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    required: true,
    placeholder: 'analytics',
    validation: { maxLength: 63 },
    helpText: 'The database to connect to. PostgreSQL does not fall back to another one.',
  })
  database?: string;

  @FormField({
    label: 'Username',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 40,
    required: true,
    validation: { maxLength: 63 },
  })
  username?: string;

  @FormField({
    label: 'Password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 50,
    required: true,
    validation: { minLength: 1 },
  })
  password?: string;

  @FormField({
    label: 'SSL mode',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 60,
    required: true,
    defaultValue: 'VERIFY_FULL',
    options: [
      { value: 'DISABLE', label: 'Disable', description: 'No TLS. Passwords and data cross the network in clear.' },
      { value: 'REQUIRE', label: 'Require', description: "Encrypt, but do not check the server's certificate." },
      { value: 'VERIFY_CA', label: 'Verify CA', description: 'Encrypt and check the certificate chain.' },
      {
        value: 'VERIFY_FULL',
        label: 'Verify full',
        description: 'Encrypt, check the chain and that the certificate names the host.',
      },
    ],
    helpText: 'Like libpq\'s sslmode. "Verify full" is the only mode that stops a man in the middle.',
  })
  sslMode?: string;

  @FormField({
    label: 'Schema',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 10,
    defaultValue: 'public',
    validation: { maxLength: 63 },
    helpText: 'The schema the integration reads and writes; the test checks that the user may use it.',
  })
  schema?: string;

  @FormField(caCertificateField("the server's certificate", { order: 10, visibleWhen: VERIFIED_SSL }))
  caCertificate?: string;

  @FormField({
    label: 'Client certificate',
    section: Section.ADVANCED_OPTIONS,
    type: Type.CERTIFICATE,
    order: 20,
    visibleWhen: ANY_SSL,
    helpText: 'For servers whose pg_hba.conf asks for a client certificate (cert authentication).',
  })
  clientCertificate?: string;

  @FormField({
    label: 'Client private key',
    section: Section.ADVANCED_OPTIONS,
    type: Type.PRIVATE_KEY,
    order: 30,
    visibleWhen: { all: [ANY_SSL, { field: 'clientCertificate', isSet: true }] },
    requiredWhen: { field: 'clientCertificate', isSet: true },
    helpText: 'The private key of the client certificate, in PEM form.',
  })
  clientPrivateKey?: string;
}
