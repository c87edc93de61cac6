import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { startFakeTcpPeer } from '../peers/fake-tcp.peer';
import { BASE_DN, LDAP_PASSWORD, type LdapPeer, startLdapPeer } from '../peers/ldap.peer';
import { testRunner } from '../support/test-runner';

let certs: TestCertificates;
let ldaps: LdapPeer;
let plain: LdapPeer;
const run = testRunner();

beforeAll(async () => {
  certs = await makeTestCertificates();
  ldaps = await startLdapPeer(certs.valid);
  plain = await startLdapPeer();
});

afterAll(async () => {
  await Promise.all([ldaps.stop(), plain.stop()]);
});

const values = (overrides: Record<string, unknown> = {}) => ({
  host: 'localhost',
  port: ldaps.port,
  security: 'LDAPS',
  bindDn: `CN=svc,${BASE_DN}`,
  bindPassword: LDAP_PASSWORD,
  baseDn: BASE_DN,
  caCertificate: certs.ca,
  ...overrides,
});

describe('the LDAP / Active Directory connection test, against an in-process LDAP server', () => {
  it('binds over LDAPS and reads the base DN', async () => {
    const outcome = await run('ldap', values());
    expect(outcome).toMatchObject({ ok: true, errors: [] });
    expect(outcome.steps.map((s) => s.kind)).toEqual(['RESOLVE', 'CONNECT', 'TLS', 'AUTHENTICATE', 'AUTHORIZE']);
  });

  it.each<[string, Record<string, unknown>, object]>([
    [
      'a wrong password (data 52e)',
      { bindPassword: 'wrong-pass' },
      { code: 'INVALID_CREDENTIALS', field: 'bindPassword', providerCode: 'LDAP 49 data 52e' },
    ],
    [
      'upper-case hex (data 52E)',
      { bindPassword: 'UPPER-CASE-HEX' },
      { code: 'INVALID_CREDENTIALS', field: 'bindPassword', providerCode: 'LDAP 49 data 52e' },
    ],
    [
      'an unknown user (data 525)',
      { bindDn: `CN=unknown,${BASE_DN}` },
      { code: 'INVALID_CREDENTIALS', field: 'bindDn' },
    ],
    [
      'a locked account (data 775)',
      { bindDn: `CN=locked,${BASE_DN}` },
      { code: 'ACCOUNT_LOCKED', field: 'bindDn', retryable: true },
    ],
    [
      'a disabled account (data 533)',
      { bindDn: `CN=disabled,${BASE_DN}` },
      { code: 'ACCOUNT_DISABLED', field: 'bindDn' },
    ],
    [
      'an expired account (data 701)',
      { bindDn: `CN=retired,${BASE_DN}` },
      { code: 'ACCOUNT_DISABLED', field: 'bindDn' },
    ],
    [
      'an expired password (data 532)',
      { bindDn: `CN=expired,${BASE_DN}` },
      { code: 'PASSWORD_EXPIRED', field: 'bindPassword' },
    ],
    ['a password that must be reset (data 773)', { bindDn: `CN=mustreset,${BASE_DN}` }, { code: 'PASSWORD_EXPIRED' }],
    [
      'logon hours (data 530)',
      { bindDn: `CN=nighttime,${BASE_DN}` },
      { code: 'ACCESS_RULE_REJECTED', field: 'bindDn', hint: expect.stringContaining('logon hours') },
    ],
    [
      'a workstation restriction (data 531)',
      { bindDn: `CN=workstation,${BASE_DN}` },
      { code: 'ACCESS_RULE_REJECTED', hint: expect.stringContaining('Log On To') },
    ],
    [
      '49 without a data sub-code',
      { bindDn: `CN=openldap,${BASE_DN}` },
      { code: 'INVALID_CREDENTIALS', field: 'bindPassword', providerCode: 'LDAP 49' },
    ],
    ['unwilling to perform (53)', { bindDn: `CN=unwilling,${BASE_DN}` }, { code: 'ACCESS_RULE_REJECTED' }],
    ['a base DN that does not exist (32)', { baseDn: `OU=Missing,${BASE_DN}` }, { code: 'NOT_FOUND', field: 'baseDn' }],
    [
      'a base DN it may not read (50)',
      { baseDn: `OU=Secret,${BASE_DN}` },
      { code: 'PERMISSION_DENIED', field: 'baseDn' },
    ],
    [
      'an untrusted certificate',
      { caCertificate: undefined },
      {
        code: 'TLS_UNKNOWN_CA',
        field: 'caCertificate',
        step: 'TLS',
        presentedCertificate: expect.objectContaining({ issuer: 'CN=Plugboard Test CA' }),
      },
    ],
    [
      'a certificate for another name, unless the TLS server name says which',
      { host: '127.0.0.1' },
      { code: 'TLS_HOSTNAME_MISMATCH', field: 'host', step: 'TLS' },
    ],
  ])('classifies %s', async (_name, overrides, expected) => {
    const outcome = await run('ldap', values(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(JSON.stringify(outcome)).not.toContain(LDAP_PASSWORD);
  });

  it('says the connection was closed, on the port, when something else hangs up instead of answering', async () => {
    const hangUp = await startFakeTcpPeer('close');
    try {
      const outcome = await run('ldap', values({ host: '127.0.0.1', port: hangUp.port, security: 'NONE' }));
      expect(outcome.errors).toEqual([expect.objectContaining({ code: 'CONNECTION_RESET', field: 'port' })]);
    } finally {
      await hangUp.stop();
    }
  });

  it('says the same when the server resets the connection in the middle of the bind', async () => {
    // ldapts reports this as text ("Socket error. Message type: BindRequest … read ECONNRESET").
    const { createServer } = await import('node:net');
    const resetter = createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => resetter.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = resetter.address() as { port: number };
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const outcome = await run('ldap', values({ host: '127.0.0.1', port, security: 'NONE' }));
        expect(outcome.errors).toEqual([expect.objectContaining({ code: 'CONNECTION_RESET', field: 'port' })]);
      }
    } finally {
      await new Promise((resolve) => resetter.close(resolve));
    }
  });

  it('names the closest existing entry when the base DN is wrong', async () => {
    const outcome = await run('ldap', values({ baseDn: `OU=Missing,${BASE_DN}` }));
    expect(outcome.errors[0].message).toContain(`closest existing entry is "DC=corp,DC=example"`);
  });

  it('says TLS is required when the directory demands signing on a plain bind (result 8)', async () => {
    const outcome = await run('ldap', values({ port: plain.port, security: 'NONE', bindDn: `CN=signing,${BASE_DN}` }));
    expect(outcome.errors[0]).toMatchObject({ code: 'TLS_REQUIRED', field: 'security', category: 'TLS' });
  });

  it('binds in clear only when told to, and never after a refused StartTLS', async () => {
    expect((await run('ldap', values({ port: plain.port, security: 'NONE' }))).ok).toBe(true);
    const refused = await run('ldap', values({ port: plain.port, security: 'STARTTLS' }));
    expect(refused.errors[0]).toMatchObject({ code: 'TLS_NOT_SUPPORTED', field: 'security', step: 'TLS' });
    expect(refused.steps.find((s) => s.kind === 'AUTHENTICATE')?.status).toBe('SKIPPED');
  });

  it('checks the certificate against the TLS server name when one is given', async () => {
    const outcome = await run('ldap', values({ host: '127.0.0.1', tlsServerName: 'localhost' }));
    expect(outcome.errors).toEqual([]);
  });

  it('says when the port and the encryption do not match, on the encryption field, however the server reacts', async () => {
    const clearOnLdapsPort = await run('ldap', values({ security: 'NONE' }));
    expect(clearOnLdapsPort.errors[0]).toMatchObject({ code: 'TLS_REQUIRED', field: 'security' });
    const startTlsOnLdapsPort = await run('ldap', values({ security: 'STARTTLS' }));
    expect(startTlsOnLdapsPort.errors[0]).toMatchObject({ code: 'TLS_REQUIRED', field: 'security', step: 'TLS' });
    const ldapsOnPlainPort = await run('ldap', values({ port: plain.port }));
    expect(ldapsOnPlainPort.errors[0]).toMatchObject({ code: 'TLS_NOT_SUPPORTED', field: 'security', step: 'TLS' });
  });

  it('refuses an empty password before binding (an empty simple bind is anonymous on AD)', async () => {
    const outcome = await run('ldap', values({ bindPassword: '' }));
    expect(outcome).toMatchObject({ status: 'REFUSED', steps: [] });
    expect(outcome.errors[0]).toMatchObject({ code: 'LOCKED_FIELD_NOT_REENTERED', field: 'bindPassword' });
  });
});
