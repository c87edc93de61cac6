import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Connection, type ParsedKey, Server, utils } from 'ssh2';
import { sshFingerprint } from '../../src/connector-kit';

const { STATUS_CODE } = utils.sftp;
const DIRECTORY_MODE = 0o040755;
const FILE_MODE = 0o100644;

/** The tree the peer serves: directories list their names; `denied` answers PERMISSION_DENIED. */
const TREE: Record<string, 'dir' | 'file' | 'denied'> = {
  '/home/alice': 'dir',
  '/data': 'dir',
  '/data/report.csv': 'file',
  '/secret': 'denied',
  '/notes.txt': 'file',
};

export interface SftpPeer {
  port: number;
  /** The fingerprint to pin. */
  fingerprint: string;
  password: string;
  /** A private key whose public half is authorized for `keyuser`. */
  clientKey: string;
  stop(): Promise<void>;
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * An ed25519 key pair in OpenSSH form that OpenSSH itself can read. ssh2's generator emits a
 * malformed private key about once in 300 (ssh-keygen -y rejects those too: "error in
 * libcrypto"), which made key tests fail now and then; such a key is drawn again.
 */
export function sshKeyPair(options?: { passphrase: string; cipher: string }): { private: string; public: string } {
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519', options as never);
    if (!(utils.parseKey(pair.private, options?.passphrase) instanceof Error)) return pair;
  }
}

/** An SSH server (ssh2's Server) speaking real SFTP over a small in-memory tree. */
export async function startSftpPeer(): Promise<SftpPeer> {
  const hostKey = sshKeyPair();
  const clientKey = sshKeyPair();
  const authorized = utils.parseKey(clientKey.public) as ParsedKey;
  const password = 'alice-Pa55word';
  const host = utils.parseKey(hostKey.private) as ParsedKey;
  const fingerprint = sshFingerprint(host.getPublicSSH() as Buffer);

  const server = new Server({ hostKeys: [hostKey.private] }, (client: Connection) => {
    let username = '';
    client.on('authentication', (ctx) => {
      username = ctx.username;
      if (ctx.method === 'password' && ['alice', 'nosftp'].includes(ctx.username) && equal(ctx.password, password))
        return ctx.accept();
      if (
        ctx.method === 'publickey' &&
        ctx.username === 'keyuser' &&
        ctx.key.algo === authorized.type &&
        ctx.key.data.equals(authorized.getPublicSSH() as Buffer)
      ) {
        if (!ctx.signature) return ctx.accept();
        if (authorized.verify(ctx.blob as Buffer, ctx.signature, ctx.hashAlgo) === true) return ctx.accept();
      }
      ctx.reject(['password', 'publickey']);
    });
    client.on('error', () => {});
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('sftp', (acceptSftp, rejectSftp) => {
          if (username === 'nosftp') return rejectSftp();
          const sftp = acceptSftp();
          const handles = new Map<string, string>();
          sftp.on('REALPATH', (id, path) => {
            const resolved = path === '.' ? '/home/alice' : path.startsWith('/') ? path : `/home/alice/${path}`;
            sftp.name(id, [{ filename: resolved, longname: resolved, attrs: {} as never }]);
          });
          sftp.on('STAT', (id, path) => {
            const kind = TREE[path];
            if (!kind) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
            if (kind === 'denied') return sftp.status(id, STATUS_CODE.PERMISSION_DENIED);
            sftp.attrs(id, {
              mode: kind === 'dir' ? DIRECTORY_MODE : FILE_MODE,
              uid: 0,
              gid: 0,
              size: 0,
              atime: 0,
              mtime: 0,
            });
          });
          sftp.on('OPENDIR', (id, path) => {
            if (TREE[path] !== 'dir') return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
            const handle = Buffer.from(String(handles.size));
            handles.set(handle.toString(), path);
            sftp.handle(id, handle);
          });
          sftp.on('READDIR', (id, handle) => {
            const path = handles.get(handle.toString());
            if (path === undefined) return sftp.status(id, STATUS_CODE.FAILURE);
            handles.set(handle.toString(), '');
            if (!path) return sftp.status(id, STATUS_CODE.EOF);
            const names = Object.keys(TREE).filter((entry) => entry.startsWith(`${path}/`));
            sftp.name(
              id,
              names.map((name) => ({ filename: name.slice(path.length + 1), longname: name, attrs: {} as never })),
            );
          });
          sftp.on('CLOSE', (id) => sftp.status(id, STATUS_CODE.OK));
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    fingerprint,
    password,
    clientKey: clientKey.private,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
