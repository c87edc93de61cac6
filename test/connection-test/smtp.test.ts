import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { startFakeTcpPeer } from '../peers/fake-tcp.peer';
import { type AuthAnswer, type SmtpPeer, startSmtpPeer } from '../peers/smtp.peer';
import { testRunner } from '../support/test-runner';

const PASSWORD = 'mail-Secret-991';
let certs: TestCertificates;
const peers: SmtpPeer[] = [];
const run = testRunner();

beforeAll(async () => {
  certs = await makeTestCertificates();
});

afterAll(async () => {
  await Promise.all(peers.map((peer) => peer.stop()));
});

async function peer(options: Parameters<typeof startSmtpPeer>[1] = {}): Promise<SmtpPeer> {
  const started = await startSmtpPeer(certs.valid, options);
  peers.push(started);
  return started;
}

const values = (port: number, overrides: Record<string, unknown> = {}) => ({
  host: 'localhost',
  port,
  security: 'STARTTLS',
  authMethod: 'PASSWORD',
  username: 'alerts@contoso.com',
  password: PASSWORD,
  fromAddress: 'alerts@contoso.com',
  caCertificate: certs.ca,
  ...overrides,
});

const refuse = (code: number, text: string) => (): AuthAnswer => ({ code, text });

describe('the SMTP connection test, against smtp-server', () => {
  it('upgrades with STARTTLS and signs in', async () => {
    const server = await peer();
    const outcome = await run('smtp', values(server.port));
    expect(outcome).toMatchObject({ ok: true, errors: [] });
    expect(outcome.steps.map((step) => [step.kind, step.status])).toEqual([
      ['RESOLVE', 'SUCCEEDED'],
      ['CONNECT', 'SUCCEEDED'],
      ['TLS', 'SUCCEEDED'],
      ['AUTHENTICATE', 'SUCCEEDED'],
    ]);
    expect(server.attempts.at(-1)).toMatchObject({ username: 'alerts@contoso.com' });
  });

  it('shows TLS as skipped when encryption is off', async () => {
    const server = await peer({ server: { disabledCommands: ['STARTTLS'], authOptional: true } });
    const outcome = await run('smtp', values(server.port, { security: 'NONE', authMethod: 'NONE' }));
    expect(outcome.ok).toBe(true);
    expect(outcome.steps.find((step) => step.kind === 'TLS')?.status).toBe('SKIPPED');
  });

  it.each<[string, number, string, object]>([
    [
      'too many connections (421)',
      421,
      '4.7.0 Too many concurrent SMTP connections from this IP',
      { code: 'TOO_MANY_CONNECTIONS', field: 'username', category: 'THROTTLING' },
    ],
    ['a busy server (421)', 421, '4.3.2 Service not available, closing channel', { code: 'PROVIDER_UNAVAILABLE' }],
    [
      'a blocklisted address (554)',
      554,
      '5.7.1 Service unavailable; Client host [127.0.0.1] blocked using Spamhaus',
      { code: 'ACCESS_RULE_REJECTED', field: 'host', hint: expect.stringContaining('blocklist') },
    ],
  ])('classifies a greeting that refuses the session: %s', async (_name, code, text, expected) => {
    const server = await peer({
      server: { onConnect: (_session, callback) => callback(Object.assign(new Error(text), { responseCode: code })) },
    });
    const outcome = await run('smtp', values(server.port));
    expect(outcome.errors).toEqual([expect.objectContaining({ step: 'TLS', providerCode: String(code), ...expected })]);
  });

  it('signs in over implicit TLS, and with an OAuth 2.0 token (XOAUTH2)', async () => {
    const implicit = await peer({ server: { secure: true } });
    expect((await run('smtp', values(implicit.port, { security: 'IMPLICIT_TLS' }))).errors).toEqual([]);
    const oauth = await peer();
    const outcome = await run(
      'smtp',
      values(oauth.port, { authMethod: 'OAUTH2_TOKEN', password: undefined, accessToken: 'token-Abc123456' }),
    );
    expect(outcome.errors).toEqual([]);
    expect(oauth.attempts.at(-1)?.method).toBe('XOAUTH2');
  });

  it.each<[string, () => AuthAnswer, object]>([
    [
      'SMTP AUTH disabled for the tenant (535 5.7.139)',
      refuse(
        535,
        '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
      ),
      { code: 'LEGACY_AUTH_BLOCKED', category: 'IDENTITY_POLICY', field: 'authMethod', providerCode: '535' },
    ],
    [
      'security defaults (535 5.7.139)',
      refuse(
        535,
        "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
      ),
      { code: 'CONDITIONAL_ACCESS_BLOCKED', field: 'authMethod' },
    ],
    [
      'basic authentication disabled',
      refuse(535, '5.7.139 Authentication unsuccessful, basic authentication is disabled.'),
      { code: 'LEGACY_AUTH_BLOCKED' },
    ],
    [
      'a wrong password (Exchange 535 5.7.3)',
      refuse(535, '5.7.3 Authentication unsuccessful'),
      { code: 'INVALID_CREDENTIALS', field: 'password' },
    ],
    [
      'a wrong password (Gmail 535 5.7.8)',
      refuse(535, '5.7.8 Username and Password not accepted.'),
      { code: 'INVALID_CREDENTIALS', field: 'password' },
    ],
    [
      'an app password required (534 5.7.9)',
      refuse(534, '5.7.9 Application-specific password required.'),
      { code: 'LEGACY_AUTH_BLOCKED', field: 'password' },
    ],
    [
      'a temporary failure (454 4.7.0)',
      refuse(454, '4.7.0 Temporary authentication failure'),
      { code: 'PROVIDER_UNAVAILABLE', retryable: true },
    ],
  ])('classifies %s', async (_name, answer, expected) => {
    const server = await peer({ answer });
    const outcome = await run('smtp', values(server.port));
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
  });

  it.each(['SecretWithé-1', 'Pässwörd€-2024', '密码-秘密-7'])(
    'reads a reply echoing the non-ASCII password %s as UTF-8, and scrubs it',
    async (password) => {
      const server = await peer({
        answer: (_user, secret) => ({ code: 535, text: `5.7.8 Bad password ${secret} for you` }),
      });
      const outcome = await run('smtp', values(server.port, { password }));
      expect(outcome.errors[0]).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        providerMessage: expect.stringContaining('[redacted]'),
      });
      const text = JSON.stringify(outcome);
      expect(text).not.toContain(password);
      expect(text).not.toContain(Buffer.from(password, 'utf8').toString('latin1'));
      expect(text).not.toMatch(/Ã|â‚¬/);
    },
  );

  it('says TLS is required when signing in without encryption is refused', async () => {
    const server = await peer();
    const outcome = await run('smtp', values(server.port, { security: 'NONE' }));
    expect(outcome.errors[0]).toMatchObject({ code: 'TLS_REQUIRED', field: 'security' });
  });

  it('refuses to continue in clear when STARTTLS is not offered', async () => {
    const server = await peer({ server: { disabledCommands: ['STARTTLS'] } });
    const outcome = await run('smtp', values(server.port));
    expect(outcome.errors[0]).toMatchObject({ code: 'TLS_NOT_SUPPORTED', field: 'security' });
    expect(server.attempts).toEqual([]);
  });

  it('refuses an untrusted certificate after STARTTLS, at the TLS step, on the CA field, with what was presented', async () => {
    const server = await peer();
    const outcome = await run('smtp', values(server.port, { caCertificate: undefined }));
    expect(outcome.errors[0]).toMatchObject({
      code: 'TLS_UNKNOWN_CA',
      category: 'TLS',
      field: 'caCertificate',
      step: 'TLS',
      presentedCertificate: { subject: 'CN=localhost', issuer: 'CN=Plugboard Test CA' },
    });
    expect(server.attempts).toEqual([]);
  });

  it('says when the port and the encryption do not match, on the encryption field', async () => {
    const implicitPort = await peer({ server: { secure: true } });
    const plainPort = await peer();
    const starttlsOnTlsPort = await run('smtp', values(implicitPort.port));
    expect(starttlsOnTlsPort.errors[0]).toMatchObject({ code: 'TLS_REQUIRED', field: 'security', step: 'TLS' });
    const clearOnTlsPort = await run('smtp', values(implicitPort.port, { security: 'NONE' }));
    expect(clearOnTlsPort.errors[0]).toMatchObject({ code: 'TLS_REQUIRED', field: 'security' });
    const implicitOnPlainPort = await run('smtp', values(plainPort.port, { security: 'IMPLICIT_TLS' }));
    expect(implicitOnPlainPort.errors[0]).toMatchObject({ code: 'TLS_NOT_SUPPORTED', field: 'security', step: 'TLS' });
  });

  it('says a port that answers in another protocol is not SMTP', async () => {
    const ssh = await startFakeTcpPeer((socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n'));
    try {
      const outcome = await run('smtp', values(ssh.port));
      expect(outcome.errors[0]).toMatchObject({ code: 'UNEXPECTED_RESPONSE', field: 'port', step: 'TLS' });
    } finally {
      await ssh.stop();
    }
  });

  it('says the server hung up, on the port, when it closes before greeting', async () => {
    const rude = await startFakeTcpPeer('close');
    try {
      const outcome = await run('smtp', values(rude.port, { security: 'NONE', authMethod: 'NONE' }));
      expect(outcome.errors[0]).toMatchObject({ code: 'CONNECTION_RESET', field: 'port', step: 'AUTHENTICATE' });
    } finally {
      await rude.stop();
    }
  });

  it('hints at the port and encryption pairing when the server stays silent', async () => {
    const silent = await startFakeTcpPeer('silent');
    try {
      const outcome = await run('smtp', values(silent.port));
      expect(outcome.errors[0]).toMatchObject({ code: 'TIMEOUT' });
    } finally {
      await silent.stop();
    }
  });
});
