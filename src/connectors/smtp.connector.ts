import { createTransport } from 'nodemailer';
import {
  TestErrorCode as Code,
  Connector,
  caCertificateField,
  classifyNetworkError,
  FormField,
  latin1AsUtf8,
  portField,
  probeTransport,
  RelayReachableSettings,
  FormSectionKind as Section,
  TestStepKind as Step,
  smtpStartTls,
  sniName,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
  tlsOnlyPortFailure,
} from '../connector-kit';

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
  connectionTest: {
    // TLS is its own step for STARTTLS too: greeting, EHLO and STARTTLS, then the handshake.
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE],
    timeoutMs: 20_000,
    credentialFields: ['host', 'username'],
    hints: {
      [Code.TLS_REQUIRED]: 'Set Encryption to STARTTLS (port 587) or Implicit TLS (port 465).',
    },
    run: testSmtp,
  },
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

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Certificate problems as nodemailer reports them: in the message, under its own code. */
const TLS_MESSAGES: [RegExp, Code][] = [
  [/self[- ]signed certificate/i, Code.TLS_SELF_SIGNED],
  [/unable to (verify|get) (the first|local issuer) certificate/i, Code.TLS_UNKNOWN_CA],
  [/certificate has expired|not yet valid/i, Code.TLS_EXPIRED],
  [/does not match certificate|altnames/i, Code.TLS_HOSTNAME_MISMATCH],
];

/** The field naming the account, when the form shows one. */
const accountFieldOf = (context: TestContext) => (context.text('authMethod') === 'NONE' ? undefined : 'username');

/**
 * A server that will not hold a session: 421 is temporary (too many connections from this
 * account or address, or a busy server), 554 is a refusal of Plugboard's address.
 */
function refusedGreeting(reply: { code: number; text: string }, accountField?: string): TestFailure | undefined {
  const details = { providerCode: String(reply.code), providerMessage: reply.text };
  if (reply.code === 421 && /too many|concurrent|connection limit|exceeded/i.test(reply.text)) {
    return new TestFailure(Code.TOO_MANY_CONNECTIONS, {
      field: accountField,
      message: 'The mail server refused another session: too many connections are open.',
      hint: 'Other programs sending through this account or address hold its sessions (Exchange Online allows 3 at once per mailbox): give each integration its own mailbox, or close idle senders.',
      ...details,
    });
  }
  if (reply.code === 421) return new TestFailure(Code.PROVIDER_UNAVAILABLE, details);
  if (reply.code === 554) {
    return new TestFailure(Code.ACCESS_RULE_REJECTED, {
      field: 'host',
      message: "The mail server refuses sessions from Plugboard's address.",
      hint: 'The address is on a blocklist, or not among the relays the server accepts: ask the mail administrator to allow it, or send through a relay inside the network the server trusts.',
      ...details,
    });
  }
  return undefined;
}

/** What an SMTP server's refusal means, from its reply code and (Exchange) enhanced status text. */
function classifySmtp(error: SmtpError, context: TestContext): TestFailure {
  // nodemailer reads replies as latin1: a server's UTF-8 (and an echoed secret) reads back as it was sent.
  const reply = latin1AsUtf8(error.response ?? error.message);
  const details = {
    providerCode: error.responseCode ? String(error.responseCode) : error.code,
    providerMessage: reply,
  };
  const credential = context.text('authMethod') === 'OAUTH2_TOKEN' ? 'accessToken' : 'password';
  if (/SmtpClientAuthentication is disabled/i.test(reply)) {
    return new TestFailure(Code.LEGACY_AUTH_BLOCKED, {
      field: 'authMethod',
      message: /Mailbox/i.test(reply)
        ? 'SMTP AUTH is turned off for this mailbox.'
        : 'SMTP AUTH is turned off for the whole Microsoft 365 tenant.',
      hint: 'An Exchange admin enables "Authenticated SMTP" for this mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false), or send through Microsoft Graph instead.',
      ...details,
    });
  }
  if (/security defaults/i.test(reply)) {
    return new TestFailure(Code.CONDITIONAL_ACCESS_BLOCKED, {
      field: 'authMethod',
      message: "The tenant's security defaults block SMTP AUTH for this account.",
      hint: 'Use an OAuth 2.0 token, or have an admin replace security defaults with conditional access that excludes this mailbox.',
      ...details,
    });
  }
  if (/basic authentication is disabled/i.test(reply)) {
    return new TestFailure(Code.LEGACY_AUTH_BLOCKED, {
      field: 'authMethod',
      hint: 'Switch Authentication to OAuth 2.0 access token.',
      ...details,
    });
  }
  if (error.responseCode === 534) {
    return new TestFailure(Code.LEGACY_AUTH_BLOCKED, {
      field: 'password',
      message: 'The provider requires an app password (or OAuth) for this account.',
      hint: 'Create an app password in the account security settings (Gmail: with 2-Step Verification on) and enter it here, or use OAuth 2.0.',
      ...details,
    });
  }
  if (error.responseCode === 535) return new TestFailure(Code.INVALID_CREDENTIALS, { field: credential, ...details });
  if (error.responseCode === 530 || error.responseCode === 538 || /STARTTLS command first/i.test(reply)) {
    return new TestFailure(Code.TLS_REQUIRED, {
      field: 'security',
      hint: 'Set Encryption to STARTTLS (port 587) or Implicit TLS (port 465).',
      ...details,
    });
  }
  const refused = refusedGreeting({ code: error.responseCode ?? 0, text: reply }, accountFieldOf(context));
  if (refused) return new TestFailure(refused.error.code, { ...refused.error, ...details });
  if (error.responseCode === 454) return new TestFailure(Code.PROVIDER_UNAVAILABLE, details);
  if (/STARTTLS/i.test(error.message)) {
    return new TestFailure(Code.TLS_NOT_SUPPORTED, {
      field: 'security',
      message: 'The server does not offer STARTTLS on this port.',
      ...details,
    });
  }
  for (const [pattern, code] of TLS_MESSAGES)
    if (pattern.test(error.message)) return new TestFailure(code, { field: 'host', ...details });
  if (/Greeting never received|Timeout/i.test(error.message) || error.code === 'ETIMEDOUT') {
    return new TestFailure(Code.TIMEOUT, {
      field: 'port',
      message: 'The server did not greet in time.',
      hint: 'Check that the port and Encryption match: 465 is implicit TLS, 587 and 25 use STARTTLS.',
    });
  }
  if (error.code === 'ECONNECTION' || /Connection closed/i.test(error.message)) {
    return new TestFailure(Code.CONNECTION_RESET, {
      field: 'port',
      message: 'The server closed the connection without an SMTP greeting.',
      hint: 'Check the port and Encryption: 465 is implicit TLS, 587 and 25 use STARTTLS.',
    });
  }
  return classifyNetworkError(error, 'host') ?? new TestFailure(Code.PROVIDER_ERROR, details);
}

/**
 * Vet the host and open TCP (and TLS, for implicit TLS); then greet, upgrade with STARTTLS when
 * asked (never continuing in clear when it is not offered), and sign in. No mail is sent.
 */
async function testSmtp(context: TestContext): Promise<void> {
  const security = context.text('security') || 'STARTTLS';
  const port = Number(context.values.port ?? 587);
  const minTlsVersion = context.text('minTlsVersion') === 'TLS_1_3' ? 'TLSv1.3' : 'TLSv1.2';
  const vetted = await probeTransport(context, {
    host: context.text('host'),
    port,
    tls: security === 'IMPLICIT_TLS',
    beforeTls:
      security === 'STARTTLS'
        ? smtpStartTls({
            ehloName: context.text('ehloName') || 'plugboard.invalid',
            encryptionField: 'security',
            refusedGreeting: (reply) =>
              refusedGreeting(reply, accountFieldOf(context)) ??
              new TestFailure(Code.PROVIDER_ERROR, { providerCode: String(reply.code), providerMessage: reply.text }),
          })
        : undefined,
    tlsOnlyPortHint:
      'This port speaks implicit TLS: set Encryption to Implicit TLS (usually port 465), or use port 587 for STARTTLS.',
    ca: context.trustedCas(context.text('caCertificate')),
    minTlsVersion,
    field: 'host',
    caField: 'caCertificate',
    encryptionField: 'security',
  });
  const method = context.text('authMethod') || 'PASSWORD';
  if (method === 'OAUTH2_TOKEN') {
    context.scrubber.add(
      Buffer.from(`user=${context.text('username')}\x01auth=Bearer ${context.text('accessToken')}\x01\x01`).toString(
        'base64',
      ),
    );
  }
  const transport = createTransport({
    host: vetted.address,
    port,
    secure: security === 'IMPLICIT_TLS',
    requireTLS: security === 'STARTTLS',
    ignoreTLS: security === 'NONE',
    name: context.text('ehloName') || undefined,
    auth:
      method === 'PASSWORD'
        ? { user: context.text('username'), pass: context.text('password') }
        : method === 'OAUTH2_TOKEN'
          ? { type: 'OAuth2', user: context.text('username'), accessToken: context.text('accessToken') }
          : undefined,
    tls: {
      servername: sniName(vetted.hostname),
      ca: context.trustedCas(context.text('caCertificate')),
      minVersion: minTlsVersion,
    },
    connectionTimeout: 10_000,
    // Within the step, so a silent greeting can still be explained (a port that speaks TLS).
    greetingTimeout: Math.min(10_000, context.stepTimeoutMs / 2),
    socketTimeout: 10_000,
    logger: false,
  });
  try {
    await context.step(
      Step.AUTHENTICATE,
      async (signal) => {
        signal.addEventListener('abort', () => transport.close(), { once: true });
        try {
          await transport.verify();
        } catch (error) {
          const failure = classifySmtp(error as SmtpError, context);
          // In clear, a silent or hung-up greeting is most often a port that speaks implicit TLS.
          if (security === 'NONE' && [Code.TIMEOUT, Code.CONNECTION_RESET].includes(failure.error.code)) {
            throw (
              (await tlsOnlyPortFailure(vetted.address, port, signal, {
                field: 'security',
                hint: 'This port speaks implicit TLS: set Encryption to Implicit TLS.',
              })) ?? failure
            );
          }
          throw failure;
        }
      },
      { field: 'host' },
    );
  } finally {
    transport.close();
  }
}
