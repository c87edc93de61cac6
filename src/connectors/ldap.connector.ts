import { Client, ResultCodeError } from 'ldapts';
import {
  TestErrorCode as Code,
  Connector,
  caCertificateField,
  classifyNetworkError,
  FieldFormat,
  FormField,
  ldapStartTls,
  portField,
  probeTransport,
  RelayReachableSettings,
  FormSectionKind as Section,
  TestStepKind as Step,
  sniName,
  type TestContext,
  type TestErrorDetails,
  TestFailure,
  FormFieldType as Type,
  tlsOnlyPortFailure,
} from '../connector-kit';

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
    credentialFields: ['host', 'bindDn'],
    hints: {
      [Code.TLS_HOSTNAME_MISMATCH]:
        "Use the host name the domain controller's certificate names, or set the TLS server name to it.",
      [Code.TLS_REQUIRED]: 'Use LDAPS (port 636) or StartTLS.',
    },
    run: testLdap,
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

/**
 * Active Directory puts a Win32 error in result 49's diagnostic message as `data <hex>`. For a
 * service account, telling these apart is the useful choice (AD hides most behind 52e anyway).
 */
const AD_SUBCODES: Readonly<Record<string, [Code, string, string]>> = {
  '525': [Code.INVALID_CREDENTIALS, 'bindDn', 'The directory has no such account.'],
  '52e': [Code.INVALID_CREDENTIALS, 'bindPassword', 'The directory refused the password.'],
  '530': [Code.ACCESS_RULE_REJECTED, 'bindDn', 'The account may not sign in at this time of day (logon hours).'],
  '531': [
    Code.ACCESS_RULE_REJECTED,
    'bindDn',
    'The account may not sign in from this computer (userWorkstations, "Log On To").',
  ],
  '532': [Code.PASSWORD_EXPIRED, 'bindPassword', "The account's password has expired."],
  '533': [Code.ACCOUNT_DISABLED, 'bindDn', 'The account is disabled.'],
  '701': [Code.ACCOUNT_DISABLED, 'bindDn', 'The account has expired.'],
  '773': [Code.PASSWORD_EXPIRED, 'bindPassword', 'The account must set a new password before signing in.'],
  '775': [Code.ACCOUNT_LOCKED, 'bindDn', 'The account is locked out.'],
};

/** Advice for the Active Directory refusals whose fix is not the catalogue's. */
const AD_SUBCODE_HINTS: Readonly<Record<string, string>> = {
  '530':
    "A domain administrator widens the service account's logon hours (Account tab, Logon Hours) to cover when integrations run; service accounts are usually allowed at all hours.",
  '531':
    "A domain administrator adds the computer that connects (Plugboard's, or the relay agent's host) to the account's \"Log On To\" list, or lets it sign in from all computers.",
};

/** What to do when plain LDAP or StartTLS meets a port that speaks TLS from the first byte. */
const LDAPS_PORT_HINT = 'This port speaks LDAPS: set Encryption to LDAPS (usually port 636).';

const RESULT = {
  operationsError: 1,
  protocolError: 2,
  strongAuthRequired: 8,
  noSuchObject: 32,
  invalidCredentials: 49,
  insufficientAccess: 50,
  unavailable: 52,
  unwilling: 53,
};

/**
 * Failures that are not an LDAP result: the network's, or ldapts saying the server hung up
 * mid-request (something other than a directory on that port, or a dropped connection). Anything
 * else is returned as it is, for the runner to report as INTERNAL with the request id.
 */
function classifyTransport(error: unknown): unknown {
  const network = classifyNetworkError(error, 'host');
  if (network) return network;
  // ldapts words a socket error on a pending request as text, and drops the code: "Socket
  // error. Message type: BindRequest (0x60)\nread ECONNRESET" (a server that resets mid-bind).
  const text = error instanceof Error ? error.message : '';
  const dropped = /^Socket error\./.test(text);
  const socketCode = dropped ? /\b(E[A-Z]+)\b/.exec(text.split('\n').slice(1).join(' '))?.[1] : undefined;
  const named = socketCode
    ? classifyNetworkError(Object.assign(new Error(text), { code: socketCode }), 'host')
    : undefined;
  if (named && named.error.code !== Code.CONNECTION_RESET) return named;
  if (dropped || /^Connection closed before message response/.test(text)) {
    return new TestFailure(Code.CONNECTION_RESET, {
      field: 'port',
      message: 'The server closed the connection without answering like a directory.',
      hint: 'Check the port and the encryption: 389 for LDAP and StartTLS, 636 for LDAPS.',
    });
  }
  return error;
}

function classifyBind(error: unknown): unknown {
  if (!(error instanceof ResultCodeError)) return classifyTransport(error);
  const details: TestErrorDetails = { providerCode: `LDAP ${error.code}`, providerMessage: error.message };
  if (error.code === RESULT.invalidCredentials) {
    const subcode = /data\s+([0-9a-f]{3,4})/i.exec(error.message)?.[1]?.toLowerCase();
    const known = subcode ? AD_SUBCODES[subcode] : undefined;
    if (known) {
      const [code, field, message] = known;
      return new TestFailure(code, {
        field,
        message,
        hint: subcode ? AD_SUBCODE_HINTS[subcode] : undefined,
        ...details,
        providerCode: `LDAP 49 data ${subcode}`,
      });
    }
    return new TestFailure(Code.INVALID_CREDENTIALS, { field: 'bindPassword', ...details });
  }
  if (error.code === RESULT.strongAuthRequired) {
    return new TestFailure(Code.TLS_REQUIRED, {
      field: 'security',
      message: 'The directory requires signing or TLS for simple binds.',
      hint: 'Use LDAPS (port 636) or StartTLS.',
      ...details,
    });
  }
  if (error.code === RESULT.unwilling)
    return new TestFailure(Code.ACCESS_RULE_REJECTED, { field: 'bindDn', ...details });
  return new TestFailure(Code.PROVIDER_ERROR, details);
}

function classifySearch(error: unknown, baseDn: string): unknown {
  if (!(error instanceof ResultCodeError)) return classifyTransport(error);
  const details: TestErrorDetails = { providerCode: `LDAP ${error.code}`, providerMessage: error.message };
  if (error.code === RESULT.noSuchObject) {
    // Active Directory names the closest existing entry in its message ("best match of: '…'").
    const matched = /best match of:\s*'([^']+)'/i.exec(error.message)?.[1];
    return new TestFailure(Code.NOT_FOUND, {
      field: 'baseDn',
      message: `The base DN "${baseDn}" does not exist${matched ? `; the closest existing entry is "${matched}"` : ''}.`,
      ...details,
    });
  }
  if (error.code === RESULT.insufficientAccess) {
    return new TestFailure(Code.PERMISSION_DENIED, {
      field: 'baseDn',
      hint: 'Grant the bind account read (List contents, Read all properties) on the base DN.',
      ...details,
    });
  }
  if (error.code === RESULT.operationsError)
    return new TestFailure(Code.INVALID_CREDENTIALS, { field: 'bindDn', ...details });
  return new TestFailure(Code.PROVIDER_ERROR, details);
}

/**
 * Vet the host and open TCP (and TLS, for LDAPS); StartTLS when asked, never binding in clear
 * if it is refused; bind as the service account; then read the base DN (scope base), which
 * shows both that it exists and that the account may read it.
 */
async function testLdap(context: TestContext): Promise<void> {
  const security = context.text('security') || 'LDAPS';
  const port = Number(context.values.port ?? 636);
  const vetted = await probeTransport(context, {
    host: context.text('host'),
    port,
    tls: security === 'LDAPS',
    // StartTLS is its own TLS step too: the extended request, then the handshake.
    beforeTls: security === 'STARTTLS' ? ldapStartTls({ encryptionField: 'security', portField: 'port' }) : undefined,
    tlsOnlyPortHint: LDAPS_PORT_HINT,
    tlsServerName: context.text('tlsServerName') || undefined,
    ca: context.trustedCas(context.text('caCertificate')),
    field: 'host',
    caField: 'caCertificate',
    encryptionField: 'security',
  });
  const tlsOptions = {
    // SNI carries names only (RFC 6066): an address is checked, but not sent.
    servername: sniName(context.text('tlsServerName') || vetted.hostname),
    host: context.text('tlsServerName') || vetted.hostname,
    ca: context.trustedCas(context.text('caCertificate')),
    minVersion: 'TLSv1.2' as const,
  };
  const client = new Client({
    url: `${security === 'LDAPS' ? 'ldaps' : 'ldap'}://${vetted.family === 6 ? `[${vetted.address}]` : vetted.address}:${port}`,
    // ldapts starts TLS at once whenever tlsOptions are given, whatever the URL scheme says.
    tlsOptions: security === 'LDAPS' ? tlsOptions : undefined,
    connectTimeout: 10_000,
    timeout: 10_000,
  });
  try {
    await context.step(
      Step.AUTHENTICATE,
      async (signal) => {
        try {
          // The TLS step checked StartTLS on a connection of its own; this one is the bind's.
          if (security === 'STARTTLS') await client.startTLS(tlsOptions);
          await client.bind(context.text('bindDn'), context.text('bindPassword'));
        } catch (error) {
          const failure = classifyBind(error);
          // In clear, a directory that hangs up may be an LDAPS port.
          const hungUp = !(failure instanceof TestFailure) || failure.error.code === Code.CONNECTION_RESET;
          if (security === 'NONE' && hungUp) {
            throw (
              (await tlsOnlyPortFailure(vetted.address, port, signal, {
                field: 'security',
                hint: LDAPS_PORT_HINT,
              })) ?? failure
            );
          }
          throw failure;
        }
      },
      { field: 'host' },
    );
    const baseDn = context.text('baseDn');
    await context.step(
      Step.AUTHORIZE,
      async () => {
        try {
          await client.search(baseDn, {
            scope: 'base',
            filter: '(objectClass=*)',
            attributes: ['1.1'],
            sizeLimit: 1,
            timeLimit: 5,
          });
        } catch (error) {
          throw classifySearch(error, baseDn);
        }
      },
      { field: 'baseDn' },
    );
    if (context.collectsExpiries) await reportPasswordExpiry(context, client);
  } finally {
    await client.unbind().catch(() => {});
  }
}

/** Active Directory's computed expiry of an account's password, as a FILETIME. */
const PASSWORD_EXPIRY_ATTRIBUTE = 'msDS-UserPasswordExpiryTimeComputed';
/** FILETIME values that are not a date: 0 (must change at next sign-in) and "never expires". */
const NOT_A_DATE = new Set(['0', '9223372036854775807']);
/** Milliseconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01. */
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;

/**
 * Health checks only: Active Directory computes when the bind account's password expires
 * (`msDS-UserPasswordExpiryTimeComputed`, Windows Server 2008 and later, from the domain or
 * fine-grained password policy), and a service account's password running out is what stops an
 * AD integration without warning. It is read from the account's own entry when the account is
 * named by its DN. Anything else (another directory, a UPN, no read access, a password that
 * never expires) reports nothing and fails nothing.
 */
async function reportPasswordExpiry(context: TestContext, client: Client): Promise<void> {
  const bindDn = context.text('bindDn');
  if (!bindDn.includes('=')) return;
  try {
    const { searchEntries } = await client.search(bindDn, {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: [PASSWORD_EXPIRY_ATTRIBUTE],
      sizeLimit: 1,
      timeLimit: 5,
    });
    const entry = searchEntries[0] ?? {};
    const name = Object.keys(entry).find((key) => key.toLowerCase() === PASSWORD_EXPIRY_ATTRIBUTE.toLowerCase());
    const raw = name ? entry[name] : undefined;
    const text = String((Array.isArray(raw) ? raw[0] : raw) ?? '');
    if (!/^\d{1,19}$/.test(text) || NOT_A_DATE.has(text)) return;
    const expiresAtMs = BigInt(text) / 10_000n - FILETIME_EPOCH_OFFSET_MS;
    context.reportExpiry('bindPassword', new Date(Number(expiresAtMs)).toISOString());
  } catch {
    // Unreadable: the expiry stays unknown (or as a person entered it).
  }
}
