import { makeTestCertificates } from '../peers/certificates';
import { startFakeTcpPeer } from '../peers/fake-tcp.peer';
import { startHttpsPeer } from '../peers/https.peer';
import { type SftpPeer, sshKeyPair, startSftpPeer } from '../peers/sftp.peer';
import { testRunner } from '../support/test-runner';

let peer: SftpPeer;
const run = testRunner();

beforeAll(async () => {
  peer = await startSftpPeer();
});

afterAll(async () => {
  await peer.stop();
});

const withPassword = (overrides: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: peer.port,
  username: 'alice',
  authMethod: 'PASSWORD',
  password: peer.password,
  hostKeyFingerprint: peer.fingerprint,
  ...overrides,
});

describe('the SFTP connection test, against an ssh2 server', () => {
  it('signs in with a password, pins the host key, and lists the root directory', async () => {
    const outcome = await run('sftp', withPassword({ rootDirectory: '/data' }));
    expect(outcome).toMatchObject({ ok: true, errors: [] });
    expect(outcome.steps.map((s) => [s.kind, s.status])).toEqual([
      ['RESOLVE', 'SUCCEEDED'],
      ['CONNECT', 'SUCCEEDED'],
      ['AUTHENTICATE', 'SUCCEEDED'],
      ['AUTHORIZE', 'SUCCEEDED'],
    ]);
  });

  it('signs in with a private key, and lists the login directory by default', async () => {
    const outcome = await run(
      'sftp',
      withPassword({ username: 'keyuser', authMethod: 'PRIVATE_KEY', password: undefined, privateKey: peer.clientKey }),
    );
    expect(outcome.errors).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, object]>([
    ['a wrong password', { password: 'wrong-password' }, { code: 'INVALID_CREDENTIALS', field: 'password' }],
    ['an unknown user', { username: 'mallory' }, { code: 'INVALID_CREDENTIALS' }],
    [
      'another host key',
      { hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` },
      { code: 'HOST_KEY_MISMATCH', field: 'hostKeyFingerprint', category: 'TLS' },
    ],
    [
      'a missing root directory',
      { rootDirectory: '/nope' },
      { code: 'NOT_FOUND', field: 'rootDirectory', section: 'ADDITIONAL_OPTIONS' },
    ],
    [
      'a root directory it may not read',
      { rootDirectory: '/secret' },
      { code: 'PERMISSION_DENIED', field: 'rootDirectory' },
    ],
    ['a file as root directory', { rootDirectory: '/notes.txt' }, { code: 'INVALID_VALUE', field: 'rootDirectory' }],
    ['an account without SFTP', { username: 'nosftp' }, { code: 'PERMISSION_DENIED', field: 'username' }],
  ])('classifies %s', async (_name, overrides, expected) => {
    const outcome = await run('sftp', withPassword(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(JSON.stringify(outcome)).not.toContain(peer.password);
  });

  it('shows the presented key on a mismatch, so it can be checked with the administrator', async () => {
    const outcome = await run('sftp', withPassword({ hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` }));
    expect(outcome.errors[0].message).toContain(peer.fingerprint);
    expect(outcome.errors[0].presentedHostKey).toEqual({
      type: expect.any(String),
      fingerprintSha256: peer.fingerprint,
    });
  });

  it('never trusts an unpinned host key: it reports the key to pin, and passes once it is pinned', async () => {
    const unpinned = await run('sftp', withPassword({ hostKeyFingerprint: '' }));
    expect(unpinned).toMatchObject({ status: 'FAILED', ok: false });
    expect(unpinned.errors[0]).toMatchObject({
      code: 'HOST_KEY_UNKNOWN',
      field: 'hostKeyFingerprint',
      step: 'AUTHENTICATE',
      presentedHostKey: { type: expect.stringMatching(/^(ssh-|ecdsa-)/), fingerprintSha256: peer.fingerprint },
    });
    const pinned = await run(
      'sftp',
      withPassword({ hostKeyFingerprint: unpinned.errors[0].presentedHostKey?.fingerprintSha256 }),
    );
    expect(pinned.ok).toBe(true);
  });

  it('names the private key, not the hidden password field, when the key is refused', async () => {
    const stranger = sshKeyPair().private;
    const outcome = await run(
      'sftp',
      withPassword({ authMethod: 'PRIVATE_KEY', password: undefined, username: 'keyuser', privateKey: stranger }),
    );
    expect(outcome.errors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'privateKey', step: 'AUTHENTICATE' });
  });

  it('explains key problems at the sign-in step, before sending any credential', async () => {
    const encrypted = sshKeyPair({ passphrase: 'key-pass', cipher: 'aes256-ctr' }).private;
    const noPassphrase = await run('sftp', withPassword({ authMethod: 'PRIVATE_KEY', privateKey: encrypted }));
    expect(noPassphrase.errors[0]).toMatchObject({ code: 'INVALID_VALUE', field: 'passphrase', step: 'AUTHENTICATE' });
    const wrong = await run(
      'sftp',
      withPassword({ authMethod: 'PRIVATE_KEY', privateKey: encrypted, passphrase: 'nope' }),
    );
    expect(wrong.errors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'passphrase' });
    const pkcs8 = await run(
      'sftp',
      withPassword({
        authMethod: 'PRIVATE_KEY',
        privateKey: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----',
      }),
    );
    expect(pkcs8.errors[0]).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'privateKey',
      hint: expect.stringContaining('ssh-keygen -p'),
    });
  });

  it('says when something else answers on the port: a web server, an FTP server that stays open, a TLS port', async () => {
    const http = await startFakeTcpPeer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const ftp = await startFakeTcpPeer((socket) => socket.write('220 (vsFTPd 3.0.5)\r\n'));
    const tls = await startHttpsPeer((await makeTestCertificates()).valid);
    try {
      const web = await run('sftp', withPassword({ port: http.port }));
      expect(web.errors[0]).toMatchObject({ code: 'UNEXPECTED_RESPONSE', field: 'port' });
      const vsftpd = await run('sftp', withPassword({ port: ftp.port }));
      expect(vsftpd.errors[0]).toMatchObject({
        code: 'UNEXPECTED_RESPONSE',
        field: 'port',
        step: 'AUTHENTICATE',
        message: expect.stringContaining('220 (vsFTPd 3.0.5)'),
      });
      const https = await run('sftp', withPassword({ port: Number(new URL(tls.url).port) }));
      expect(https.errors[0]).toMatchObject({
        code: 'UNEXPECTED_RESPONSE',
        field: 'port',
        message: expect.stringContaining('TLS'),
      });
    } finally {
      await Promise.all([http.stop(), ftp.stop(), tls.stop()]);
    }
  });

  it('says which step a silent server timed out in', async () => {
    const silent = await startFakeTcpPeer('silent');
    try {
      const outcome = await run('sftp', withPassword({ port: silent.port }));
      expect(outcome.errors[0]).toMatchObject({
        code: 'TIMEOUT',
        field: 'host',
        message: 'No answer within 2 s while signing in.',
      });
    } finally {
      await silent.stop();
    }
  });
});
