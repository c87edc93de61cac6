import { connect as netConnect, type Socket } from 'node:net';
import { Client, type SFTPWrapper, utils } from 'ssh2';
import {
  awaitSshIdentification,
  TestErrorCode as Code,
  Connector,
  classifyNetworkError,
  FieldFormat,
  FormField,
  type PresentedHostKey,
  portField,
  probeTransport,
  RelayReachableSettings,
  FormSectionKind as Section,
  TestStepKind as Step,
  sshFingerprint,
  sshKeyType,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
} from '../connector-kit';

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
    // SSH negotiates its own encryption and host key inside AUTHENTICATE; there is no TLS.
    steps: [Step.RESOLVE, Step.CONNECT, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    // An empty fingerprint still lets the test run, to report the key the server presents.
    discovers: ['hostKeyFingerprint'],
    hints: {
      [Code.HOST_KEY_MISMATCH]:
        'Confirm the new fingerprint with the server administrator (ssh-keygen -lf on its host key) before pinning it: a changed key can mean someone is impersonating the server.',
    },
    credentialFields: ['host', 'username'],
    run: testSftp,
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

const SFTP_NO_SUCH_FILE = 2;
const SFTP_PERMISSION_DENIED = 3;

function privateKeyProblem(context: TestContext): TestFailure | undefined {
  if (context.text('authMethod') !== 'PRIVATE_KEY') return undefined;
  const parsed = utils.parseKey(context.text('privateKey'), context.text('passphrase') || undefined);
  if (!(parsed instanceof Error)) return undefined;
  const message = parsed.message;
  if (/no passphrase given/i.test(message)) {
    return new TestFailure(Code.INVALID_VALUE, {
      field: 'passphrase',
      message: 'The private key is encrypted: enter its passphrase.',
    });
  }
  if (/bad passphrase|integrity check failed/i.test(message)) {
    return new TestFailure(Code.INVALID_CREDENTIALS, {
      field: 'passphrase',
      message: 'The passphrase does not open the private key.',
    });
  }
  return new TestFailure(Code.INVALID_VALUE, {
    field: 'privateKey',
    message: `The private key cannot be read (${message}).`,
    hint: 'Use an OpenSSH or PEM RSA key. Convert a PKCS#8 key with: ssh-keygen -p -f <keyfile>',
  });
}

function classifyConnectionError(
  error: Error & { level?: string },
  presented: PresentedHostKey | undefined,
  context: TestContext,
): TestFailure {
  if (error.level === 'client-authentication') {
    return new TestFailure(Code.INVALID_CREDENTIALS, {
      field: context.text('authMethod') === 'PRIVATE_KEY' ? 'privateKey' : 'password',
      message: 'The server refused the username and credentials.',
      hint: "Re-enter the password or key; for keys, check that the public key is in the account's authorized_keys.",
      providerMessage: error.message,
    });
  }
  if (/Host denied/.test(error.message)) {
    if (!context.text('hostKeyFingerprint')) {
      // Never trust on first use: the user confirms the key (a UI offers "pin this key").
      return new TestFailure(Code.HOST_KEY_UNKNOWN, {
        field: 'hostKeyFingerprint',
        message: `The server presented the host key ${presented?.fingerprintSha256 ?? '(unknown)'}; no fingerprint is pinned, so it was not trusted.`,
        hint: "Check the fingerprint with the server administrator (ssh-keygen -lf on the server's host key), then pin it in the fingerprint field.",
        presentedHostKey: presented,
      });
    }
    return new TestFailure(Code.HOST_KEY_MISMATCH, {
      field: 'hostKeyFingerprint',
      message: `The server presented the host key ${presented?.fingerprintSha256 ?? '(unknown)'}, which is not the pinned fingerprint.`,
      presentedHostKey: presented,
    });
  }
  if (error.level === 'client-timeout')
    return new TestFailure(Code.TIMEOUT, {
      field: 'host',
      message: 'The server did not complete the SSH handshake in time.',
    });
  if (error.level === 'protocol' || /handshake/i.test(error.message)) {
    return new TestFailure(Code.UNEXPECTED_RESPONSE, {
      field: 'port',
      message: 'Something other than an SSH server answered on this port.',
      providerMessage: error.message,
    });
  }
  return (
    classifyNetworkError(error, 'host') ?? new TestFailure(Code.PROVIDER_ERROR, { providerMessage: error.message })
  );
}

function sftpFailure(error: Error & { code?: number }, path: string): TestFailure {
  if (error.code === SFTP_NO_SUCH_FILE) {
    return new TestFailure(Code.NOT_FOUND, {
      field: 'rootDirectory',
      message: `The directory "${path}" does not exist.`,
      providerCode: 'SSH_FX_NO_SUCH_FILE',
    });
  }
  if (error.code === SFTP_PERMISSION_DENIED) {
    return new TestFailure(Code.PERMISSION_DENIED, {
      field: 'rootDirectory',
      message: `The account may not list "${path}".`,
      hint: 'Grant the account read access to the directory, or pick one it can read.',
      providerCode: 'SSH_FX_PERMISSION_DENIED',
    });
  }
  return new TestFailure(Code.PROVIDER_ERROR, {
    field: 'rootDirectory',
    providerMessage: error.message,
    providerCode: `SSH_FX ${error.code}`,
  });
}

const sftpCall = <T>(run: (done: (error: Error | null | undefined, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

/**
 * Vet the host and open TCP; sign in over SSH with the host key pinned (never trusting a new
 * key); then open SFTP and list the root directory.
 */
async function testSftp(context: TestContext): Promise<void> {
  const port = Number(context.values.port ?? 22);
  const vetted = await probeTransport(context, { host: context.text('host'), port, tls: false, field: 'host' });
  const client = new Client();
  // Errors after the first (a reset while closing) must not reach the process unheard.
  client.on('error', () => {});
  let presented: PresentedHostKey | undefined;
  let sock: Socket | undefined;
  try {
    await context.step(
      Step.AUTHENTICATE,
      async (signal) => {
        const keyProblem = privateKeyProblem(context);
        if (keyProblem) throw keyProblem;
        signal.addEventListener('abort', () => client.destroy(), { once: true });
        // Our own socket to the vetted address: ssh2 leaves late socket errors unheard.
        sock = netConnect({ host: vetted.address, port });
        sock.on('error', () => {});
        signal.addEventListener('abort', () => sock?.destroy(), { once: true });
        await awaitSshIdentification(sock, signal, {
          address: vetted.address,
          port,
          portField: 'port',
          quietMs: Math.min(5000, context.stepTimeoutMs / 2),
        });
        await new Promise<void>((resolve, reject) => {
          client.once('ready', () => resolve());
          client.once('error', (error) => reject(classifyConnectionError(error, presented, context)));
          const usesKey = context.text('authMethod') === 'PRIVATE_KEY';
          client.connect({
            sock,
            username: context.text('username'),
            password: usesKey ? undefined : context.text('password'),
            privateKey: usesKey ? context.text('privateKey') : undefined,
            passphrase: usesKey ? context.text('passphrase') || undefined : undefined,
            readyTimeout: 15_000,
            hostVerifier: (key: Buffer) => {
              presented = { type: sshKeyType(key), fingerprintSha256: sshFingerprint(key) };
              const pinned = context.text('hostKeyFingerprint');
              return pinned !== '' && presented.fingerprintSha256 === pinned;
            },
          });
        });
      },
      { field: 'host' },
    );
    const root = context.text('rootDirectory') || '.';
    await context.step(
      Step.AUTHORIZE,
      async () => {
        let sftp: SFTPWrapper;
        try {
          sftp = await sftpCall<SFTPWrapper>((done) => client.sftp(done));
        } catch (error) {
          throw new TestFailure(Code.PERMISSION_DENIED, {
            field: 'username',
            message: 'The server does not offer SFTP to this account.',
            hint: 'Ask the administrator to enable the sftp subsystem for the account.',
            providerMessage: (error as Error).message,
          });
        }
        try {
          const path = await sftpCall<string>((done) => sftp.realpath(root, done));
          const stats = await sftpCall<{ isDirectory(): boolean }>((done) => sftp.stat(path, done)).catch((error) => {
            throw sftpFailure(error, root);
          });
          if (!stats.isDirectory()) {
            throw new TestFailure(Code.INVALID_VALUE, {
              field: 'rootDirectory',
              message: `"${root}" is a file, not a directory.`,
            });
          }
          await sftpCall((done) => sftp.readdir(path, done)).catch((error) => {
            throw sftpFailure(error, root);
          });
        } catch (error) {
          if (error instanceof TestFailure) throw error;
          throw sftpFailure(error as Error, root);
        } finally {
          sftp.end();
        }
      },
      { field: 'rootDirectory' },
    );
  } finally {
    client.end();
    sock?.destroy();
  }
}
