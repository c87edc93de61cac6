/**
 * The production-install check `.ci/run` runs: `npm pack` this package, install the tarball into
 * an empty folder without dev dependencies, then run what an operator runs from there: every
 * command's help, `plugboard keys`, `plugboard kek`, `plugboard relay` (up to its refusal of a
 * bad server), and `plugboard serve`, which must answer /healthz and run one connection test per
 * client library (pg, ssh2, ldapts, nodemailer, undici) against a local peer that accepts and
 * hangs up, each ending in a classified failure, never INTERNAL.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root';

/**
 * The install scripts a production install runs, as an operator's project records them (npm
 * reads allowScripts from the installing project only): the SQLite binding, and ssh2's optional
 * native crypto. The package's own approvals add the development tools.
 */
const RUNTIME_SCRIPTS = { 'better-sqlite3': true, ssh2: true, 'cpu-features': true };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });
}

function fail(message: string): never {
  throw new Error(`install check: ${message}`);
}

async function waitForUrl(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /"url":"(http:[^"]+)\/graphql"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

/** One test per client library: each reaches its library, which meets a peer that hangs up. */
const LIBRARY_TESTS = (port: number): [string, string, Record<string, unknown>][] => [
  ['pg', 'postgresql', { host: '127.0.0.1', port, database: 'db', username: 'u', password: 'p', sslMode: 'DISABLE' }],
  [
    'ssh2',
    'sftp',
    {
      host: '127.0.0.1',
      port,
      username: 'u',
      authMethod: 'PASSWORD',
      password: 'p',
      hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
    },
  ],
  [
    'ldapts',
    'ldap',
    { host: '127.0.0.1', port, security: 'NONE', bindDn: 'cn=u', bindPassword: 'p', baseDn: 'dc=example,dc=com' },
  ],
  [
    'nodemailer',
    'smtp',
    { host: '127.0.0.1', port, security: 'NONE', authMethod: 'NONE', fromAddress: 'a@example.com' },
  ],
  ['undici', 'rest-api', { baseUrl: `http://127.0.0.1:${port}`, authMethod: 'NONE' }],
];

async function main(): Promise<void> {
  const root = packageRoot();
  const work = mkdtempSync(join(tmpdir(), 'plugboard-install-'));
  const hangUp = createServer((socket) => socket.destroy());
  let server: ChildProcess | undefined;
  try {
    const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').at(-1) ?? '';
    console.log(`packed ${tarball}`);
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'plugboard-install', private: true, allowScripts: RUNTIME_SCRIPTS }),
    );
    run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', join(work, tarball)], app);
    const bin = join(app, 'node_modules', '.bin', 'plugboard');
    const env = { PLUGBOARD_DATA_DIR: join(work, 'data'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };

    if (!run(bin, ['--help'], app, env).includes('Usage: plugboard')) fail('plugboard --help printed no usage');
    try {
      run(bin, ['relay', '--server', 'http://plugboard.example.com', '--token', 'x'], app, env);
      fail('plugboard relay accepted a plain-HTTP server');
    } catch (error) {
      if (!String((error as { stderr?: string }).stderr).includes('--server must be an https:// URL')) throw error;
    }

    server = spawn(bin, ['serve'], {
      cwd: app,
      env: { ...process.env, ...env, PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await waitForUrl(server);
    const health = await fetch(`${url}/healthz`);
    if (health.status !== 200) fail(`/healthz answered ${health.status}`);
    const adminKey = /pbk_\S+/.exec(readFileSync(join(env.PLUGBOARD_DATA_DIR, 'admin-key.txt'), 'utf8'))?.[0];
    if (!adminKey) fail('no first admin key was written');

    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
    const { port } = hangUp.address() as { port: number };
    for (const [library, connectorType, values] of LIBRARY_TESTS(port)) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({
          query:
            'mutation T($input: TestConnectionInput!) { testConnection(input: $input) { status errors { code field } } }',
          variables: { input: { connectorType, values } },
        }),
      });
      const answer = (await response.json()) as {
        data?: { testConnection: { status: string; errors: { code: string }[] } };
      };
      const result = answer.data?.testConnection;
      if (result?.status !== 'FAILED' || result.errors.some((error) => error.code === 'INTERNAL')) {
        fail(`the ${library} test (${connectorType}) answered ${JSON.stringify(answer)}`);
      }
      console.log(`${library}: ${connectorType} test ran and failed as expected with ${result.errors[0]?.code}`);
    }
    server.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
    server = undefined;

    // The commands that open the store: run after the server has stopped, on the same data.
    if (!run(bin, ['keys', 'list', '--tenant', 'default'], app, env).includes('ADMIN'))
      fail('plugboard keys list did not list the first key');
    run(bin, ['kek', 'rotate'], app, env);
    console.log('production install: pack, install without dev dependencies, serve, keys, kek and relay all work');
  } finally {
    server?.kill('SIGKILL');
    hangUp.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
