import { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, DatabaseError } from 'pg';
import {
  TestErrorCode as Code,
  Connector,
  caCertificateField,
  classifyNetworkError,
  FormField,
  portField,
  postgresSslRequest,
  probeTransport,
  RelayReachableSettings,
  FormSectionKind as Section,
  TestStepKind as Step,
  sniName,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
} from '../connector-kit';

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
    // TLS is negotiated inside PostgreSQL's own startup, so it is part of AUTHENTICATE here.
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    hints: {
      [Code.ACCESS_RULE_REJECTED]:
        "An administrator adds a line to pg_hba.conf for Plugboard's address, this user and this database (hostssl when TLS is on), then reloads the server.",
      [Code.TLS_REQUIRED]: 'Set SSL mode to Require or stricter: the server accepts this user only over TLS.',
    },
    timeoutMs: 20_000,
    credentialFields: ['host', 'username'],
    run: testPostgresql,
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

/** The `ssl` option pg needs for an SSL mode; pg never falls back, so none is emulated. */
function sslOptions(context: TestContext, servername: string): false | ConnectionOptions {
  const mode = context.text('sslMode') || 'VERIFY_FULL';
  if (mode === 'DISABLE') return false;
  const options: ConnectionOptions = {
    servername: sniName(servername),
    ca: context.trustedCas(context.text('caCertificate')),
    cert: context.text('clientCertificate') || undefined,
    key: context.text('clientPrivateKey') || undefined,
  };
  if (mode === 'REQUIRE') return { ...options, rejectUnauthorized: false };
  if (mode === 'VERIFY_CA') return { ...options, checkServerIdentity: () => undefined };
  return options;
}

/** What a PostgreSQL error means for the person who filled in the form. */
function classify(error: unknown, context: TestContext): unknown {
  const sslMode = context.text('sslMode') || 'VERIFY_FULL';
  if (error instanceof DatabaseError) {
    const details = { providerCode: error.code, providerMessage: error.message };
    const message = error.message;
    switch (error.code) {
      case '28P01':
        return new TestFailure(Code.INVALID_CREDENTIALS, {
          field: 'password',
          message: 'PostgreSQL refused the username or password.',
          hint: 'Re-enter the password and check the username; PostgreSQL gives the same answer for an unknown user.',
          ...details,
        });
      case '3D000':
        return new TestFailure(Code.DATABASE_NOT_FOUND, { field: 'database', ...details });
      case '42501':
        return new TestFailure(Code.PERMISSION_DENIED, {
          field: 'database',
          hint: 'A database owner runs: GRANT CONNECT ON DATABASE <database> TO <username>;',
          ...details,
        });
      case '53300':
        return new TestFailure(Code.TOO_MANY_CONNECTIONS, {
          field: 'username',
          message: /for role/.test(message)
            ? 'This user has reached its connection limit.'
            : /for database/.test(message)
              ? 'This database has reached its connection limit.'
              : 'The server has reached max_connections.',
          hint: 'Other programs using this user hold its connections: give each integration its own user, or have an administrator raise the limit (ALTER ROLE … CONNECTION LIMIT, or max_connections).',
          ...details,
        });
      case '57P03':
        return new TestFailure(Code.PROVIDER_UNAVAILABLE, {
          ...details,
          message: `PostgreSQL cannot take the connection now: ${message}.`,
        });
    }
    if (error.code?.startsWith('28')) {
      if (/not permitted to log in/.test(message)) {
        return new TestFailure(Code.ACCOUNT_DISABLED, {
          field: 'username',
          hint: 'A superuser runs: ALTER ROLE <username> LOGIN;',
          ...details,
        });
      }
      if (/no encryption/.test(message) && sslMode === 'DISABLE') {
        return new TestFailure(Code.TLS_REQUIRED, { field: 'sslMode', ...details });
      }
      return new TestFailure(Code.ACCESS_RULE_REJECTED, { field: 'username', ...details });
    }
    return new TestFailure(Code.PROVIDER_ERROR, details);
  }
  const text = (error as Error).message ?? '';
  if (/does not support SSL connections/.test(text)) {
    return new TestFailure(Code.TLS_NOT_SUPPORTED, {
      field: 'sslMode',
      hint: 'Set SSL mode to Disable only inside a trusted network, or turn ssl on in postgresql.conf.',
    });
  }
  if (/timeout expired/.test(text))
    return new TestFailure(Code.TIMEOUT, { field: 'host', message: 'PostgreSQL did not answer the sign-in in time.' });
  if (/terminated unexpectedly|error establishing an SSL connection/.test(text)) {
    return new TestFailure(Code.UNEXPECTED_RESPONSE, {
      field: 'port',
      message: 'Something other than PostgreSQL answered on this port.',
    });
  }
  const network = classifyNetworkError(error, 'host');
  if (network && (network.error.code === Code.TLS_UNKNOWN_CA || network.error.code === Code.TLS_SELF_SIGNED)) {
    return new TestFailure(network.error.code, { field: 'caCertificate', providerCode: network.error.providerCode });
  }
  // Anything else is a surprise: the runner reports it as INTERNAL, with the request id and a logged cause.
  return network ?? error;
}

/**
 * Vet the host, open TCP, sign in (with TLS as the SSL mode says), then check the user may use
 * the schema — one query that never fails for a missing schema.
 */
async function testPostgresql(context: TestContext): Promise<void> {
  const host = context.text('host');
  const port = Number(context.values.port ?? 5432);
  const sslMode = context.text('sslMode') || 'VERIFY_FULL';
  const verified = sslMode === 'VERIFY_CA' || sslMode === 'VERIFY_FULL';
  const clientCertificate = context.text('clientCertificate');
  const clientKey = context.text('clientPrivateKey');
  const vetted = await probeTransport(context, {
    host,
    port,
    tls: false,
    // TLS is its own step: the SSLRequest, then the handshake, before pg signs in.
    beforeTls: sslMode === 'DISABLE' ? undefined : postgresSslRequest({ sslModeField: 'sslMode', portField: 'port' }),
    ca: context.trustedCas(context.text('caCertificate')),
    verify: sslMode === 'REQUIRE' ? 'NONE' : sslMode === 'VERIFY_CA' ? 'CHAIN' : 'FULL',
    clientCertificate: clientCertificate && clientKey ? { cert: clientCertificate, key: clientKey } : undefined,
    field: 'host',
    caField: verified ? 'caCertificate' : undefined,
    encryptionField: 'sslMode',
  });
  let socket: Socket | undefined;
  const client = new Client({
    // Our own socket, so a step that times out can cut the connection at once.
    stream: () => {
      socket = new Socket();
      return socket;
    },
    host: vetted.address,
    port,
    user: context.text('username'),
    password: context.text('password'),
    database: context.text('database'),
    ssl: sslOptions(context, vetted.hostname),
    connectionTimeoutMillis: 10_000,
    query_timeout: 5_000,
    application_name: 'plugboard-connection-test',
  });
  // A socket error after connecting is emitted, not thrown; unheard, it would end the process.
  client.on('error', () => {});
  try {
    await context.step(
      Step.AUTHENTICATE,
      async (signal) => {
        signal.addEventListener('abort', () => socket?.destroy(), { once: true });
        try {
          await client.connect();
        } catch (error) {
          throw classify(error, context);
        }
      },
      { field: 'host' },
    );
    const schema = context.text('schema') || 'public';
    await context.step(
      Step.AUTHORIZE,
      async () => {
        const { rows } = await client.query<{ usage: boolean }>(
          "SELECT has_schema_privilege(n.oid, 'USAGE') AS usage FROM pg_namespace n WHERE n.nspname = $1",
          [schema],
        );
        if (rows.length === 0) {
          throw new TestFailure(Code.NOT_FOUND, {
            field: 'schema',
            message: `The schema "${schema}" does not exist in this database.`,
          });
        }
        if (!rows[0].usage) {
          throw new TestFailure(Code.PERMISSION_DENIED, {
            field: 'schema',
            message: `The user may not use the schema "${schema}".`,
            hint: `A schema owner runs: GRANT USAGE ON SCHEMA ${schema} TO <username>;`,
          });
        }
      },
      { field: 'schema' },
    );
  } finally {
    await client.end().catch(() => {});
  }
}
