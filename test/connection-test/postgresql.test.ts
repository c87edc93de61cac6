import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { startFakeTcpPeer } from '../peers/fake-tcp.peer';
import { type PostgresPeer, ROLES, startPostgresPeer } from '../peers/postgres.peer';
import { testRunner } from '../support/test-runner';

let certs: TestCertificates;
let postgres: PostgresPeer;
const run = testRunner();

beforeAll(async () => {
  certs = await makeTestCertificates();
  postgres = await startPostgresPeer(certs);
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

const values = (overrides: Record<string, unknown> = {}) => ({
  host: 'localhost',
  port: postgres.port,
  database: 'appdb',
  username: 'app',
  password: ROLES.app,
  sslMode: 'VERIFY_FULL',
  caCertificate: certs.ca,
  ...overrides,
});

describe('the PostgreSQL connection test, against a real server', () => {
  it('signs in over verified TLS and checks the schema', async () => {
    const outcome = await run('postgresql', values());
    expect(outcome).toMatchObject({ ok: true, errors: [] });
    expect(outcome.steps.map((s) => [s.kind, s.status])).toEqual([
      ['RESOLVE', 'SUCCEEDED'],
      ['CONNECT', 'SUCCEEDED'],
      ['TLS', 'SUCCEEDED'],
      ['AUTHENTICATE', 'SUCCEEDED'],
      ['AUTHORIZE', 'SUCCEEDED'],
    ]);
  });

  it.each<[string, Record<string, unknown>, object]>([
    [
      'a wrong password',
      { password: 'wrong-password' },
      { code: 'INVALID_CREDENTIALS', field: 'password', providerCode: '28P01' },
    ],
    [
      'an unknown user (same answer)',
      { username: 'ghost' },
      { code: 'INVALID_CREDENTIALS', field: 'password', providerCode: '28P01' },
    ],
    [
      'a missing database',
      { database: 'nosuchdb' },
      { code: 'DATABASE_NOT_FOUND', field: 'database', providerCode: '3D000' },
    ],
    [
      'no CONNECT privilege',
      { database: 'closeddb' },
      { code: 'PERMISSION_DENIED', field: 'database', providerCode: '42501' },
    ],
    [
      'a pg_hba reject rule',
      { username: 'blocked', password: ROLES.blocked },
      {
        code: 'ACCESS_RULE_REJECTED',
        field: 'username',
        providerCode: '28000',
        hint: expect.stringContaining('pg_hba.conf'),
      },
    ],
    [
      'SSL required by pg_hba, SSL off',
      { username: 'tlsonly', password: ROLES.tlsonly, sslMode: 'DISABLE' },
      { code: 'TLS_REQUIRED', field: 'sslMode', category: 'TLS' },
    ],
    [
      'a role that may not log in',
      { username: 'nolog', password: 'x' },
      { code: 'INVALID_CREDENTIALS', field: 'password' },
    ],
    [
      'a user at its connection limit (a shared service account)',
      { username: 'busy', password: ROLES.busy },
      {
        code: 'TOO_MANY_CONNECTIONS',
        field: 'username',
        providerCode: '53300',
        category: 'THROTTLING',
        step: 'AUTHENTICATE',
      },
    ],
    [
      'a missing schema',
      { schema: 'nosuch' },
      { code: 'NOT_FOUND', field: 'schema', section: 'ADDITIONAL_OPTIONS', step: 'AUTHORIZE' },
    ],
    ['a schema without USAGE', { schema: 'locked' }, { code: 'PERMISSION_DENIED', field: 'schema', step: 'AUTHORIZE' }],
    [
      'an untrusted server certificate',
      { caCertificate: undefined },
      {
        code: 'TLS_UNKNOWN_CA',
        field: 'caCertificate',
        step: 'TLS',
        presentedCertificate: expect.objectContaining({ subject: 'CN=localhost', issuer: 'CN=Plugboard Test CA' }),
      },
    ],
    [
      'a certificate for another name',
      { host: '127.0.0.1' },
      { code: 'TLS_HOSTNAME_MISMATCH', field: 'host', step: 'TLS', presentedCertificate: expect.anything() },
    ],
  ])('classifies %s', async (_name, overrides, expected) => {
    const outcome = await run('postgresql', values(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(JSON.stringify(outcome)).not.toContain(String(overrides.password ?? ROLES.app));
  });

  it('connects with SSL required but not verified, and with SSL disabled where allowed', async () => {
    expect((await run('postgresql', values({ sslMode: 'REQUIRE', caCertificate: undefined }))).ok).toBe(true);
    expect((await run('postgresql', values({ sslMode: 'DISABLE' }))).ok).toBe(true);
    expect((await run('postgresql', values({ sslMode: 'VERIFY_CA', host: '127.0.0.1' }))).ok).toBe(true);
  });

  it('says when the server does not offer SSL at all', async () => {
    // A server with ssl=off answers "N" to the SSLRequest; pg then refuses to go on in clear.
    const noSsl = await startFakeTcpPeer((socket) => socket.once('data', () => socket.write('N')));
    try {
      const outcome = await run('postgresql', values({ port: noSsl.port, sslMode: 'REQUIRE' }));
      expect(outcome.errors[0]).toMatchObject({
        code: 'TLS_NOT_SUPPORTED',
        field: 'sslMode',
        category: 'TLS',
        step: 'TLS',
      });
    } finally {
      await noSsl.stop();
    }
  });

  it('says when something else answers on the port, and when nothing answers in time', async () => {
    const rude = await startFakeTcpPeer('close');
    const silent = await startFakeTcpPeer('silent');
    try {
      const reset = await run('postgresql', values({ port: rude.port, sslMode: 'DISABLE' }));
      expect(reset.errors[0]).toMatchObject({ code: 'UNEXPECTED_RESPONSE', field: 'port' });
      const quiet = await run('postgresql', values({ port: silent.port, sslMode: 'DISABLE' }));
      expect(quiet.errors[0]).toMatchObject({ code: 'TIMEOUT', field: 'host' });
      expect(quiet.errors[0].step).toBe('AUTHENTICATE');
    } finally {
      await Promise.all([rude.stop(), silent.stop()]);
    }
  });
});
