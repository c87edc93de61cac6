import { TestStepKind as Step } from '../connection-test/connection-test.plan';
import { portField } from '../forms/field-presets';
import { FieldFormat, FormSectionKind as Section, FormFieldType as Type } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';
import { Connector } from './connector.decorator';
import { RelayReachableSettings } from './relay-reachable.settings';

const KEY_AUTH = { field: 'authMethod', equals: 'PRIVATE_KEY' };
const PASSWORD_AUTH = { field: 'authMethod', equals: 'PASSWORD' };

@Connector({
  key: 'sftp',
  name: 'SFTP server',
  description: 'Files on an SFTP server, reached over SSH with a password or a key, and a pinned host key.',
  category: 'file-transfer',
  version: 1,
  documentationUrl: 'https://man.openbsd.org/sftp-server',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
  },
})
export class SftpSettings extends RelayReachableSettings {
  @FormField({
    label: 'Host',
    section: Section.GENERAL,
    type: Type.HOSTNAME,
    order: 10,
    required: true,
    placeholder: 'files.corp.example.com',
  })
  host?: string;

  @FormField(portField(22))
  port?: number;

  @FormField({
    label: 'Username',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 30,
    required: true,
    validation: { maxLength: 256 },
  })
  username?: string;

  @FormField({
    label: 'Authentication',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 40,
    required: true,
    defaultValue: 'PRIVATE_KEY',
    options: [
      { value: 'PRIVATE_KEY', label: 'Private key' },
      { value: 'PASSWORD', label: 'Password' },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Password',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 50,
    visibleWhen: PASSWORD_AUTH,
    requiredWhen: PASSWORD_AUTH,
  })
  password?: string;

  @FormField({
    label: 'Private key',
    section: Section.GENERAL,
    type: Type.PRIVATE_KEY,
    order: 60,
    visibleWhen: KEY_AUTH,
    requiredWhen: KEY_AUTH,
    helpText:
      'OpenSSH (BEGIN OPENSSH PRIVATE KEY) or PEM RSA form. A PKCS#8 key (BEGIN PRIVATE KEY) must be converted first: ssh-keygen -p -f <keyfile>.',
  })
  privateKey?: string;

  @FormField({
    label: 'Key passphrase',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 70,
    visibleWhen: KEY_AUTH,
    helpText: 'Only when the private key is encrypted.',
  })
  passphrase?: string;

  @FormField({
    label: 'Host key fingerprint',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 80,
    required: true,
    placeholder: 'SHA256:ZpQ3Z0v0oFCmX5TKxg5QhzaF3t6L2cXxQeWtm9zWZ1k',
    validation: { format: FieldFormat.SSH_FINGERPRINT },
    helpText:
      "The server's SHA-256 host key fingerprint, so no one can impersonate it. Ask its administrator, or run: ssh-keyscan -p <port> <host> | ssh-keygen -lf -",
  })
  hostKeyFingerprint?: string;

  @FormField({
    label: 'Root directory',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 10,
    defaultValue: '.',
    placeholder: '/exports/plugboard',
    validation: { pattern: '^(\\.|/.*)$', maxLength: 1024 },
    helpText: 'An absolute path, or "." for the login directory. The test lists it to check it exists and may be read.',
  })
  rootDirectory?: string;
}
