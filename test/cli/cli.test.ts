import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/environment';
import { LocalFileKeys } from '../../src/secrets/local-file.kek';
import { SecretCipher } from '../../src/secrets/secret-cipher';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';

const run = promisify(execFile);
const MAIN = join(__dirname, '../../dist/src/main.js');
let dataDir: string;

const plugboard = (...args: string[]) =>
  run(process.execPath, [MAIN, ...args], { env: { ...process.env, PLUGBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'info' } });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'plugboard-cli-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('plugboard keys', () => {
  it('creates a key (printed once, on stdout), lists it without the secret, and revokes it', async () => {
    const created = await plugboard('keys', 'create', '--tenant', 'acme', '--role', 'admin', '--name', 'ops');
    const key = created.stdout.trim();
    expect(key).toMatch(/^pbk_acme\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('shown once');
    const keyId = key.split('.')[1];

    const listed = await plugboard('keys', 'list', '--tenant', 'acme');
    const [header, row] = listed.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['ID', 'ROLE', 'STATE', 'CREATED', 'REVOKED', 'PREFIX', 'NAME']);
    expect(row).toMatch(
      new RegExp(`^${keyId}\\s+ADMIN\\s+active\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\s+pbk_acme`),
    );
    expect(listed.stdout).not.toContain(key.split('.')[2]);

    await plugboard('keys', 'revoke', '--tenant', 'acme', '--id', keyId);
    const json = JSON.parse((await plugboard('keys', 'list', '--tenant', 'acme', '--json')).stdout);
    expect(json).toEqual([
      expect.objectContaining({ id: keyId, role: 'ADMIN', name: 'ops', revokedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(json)).not.toContain(key.split('.')[2]);
    expect(json[0].hash).toBeUndefined();
  });

  it('creates a platform key for partners or internal tools without a tenant, and refuses it in a customer tenant', async () => {
    const created = await plugboard('keys', 'create', '--role', 'internal', '--name', 'schema-tools');
    expect(created.stdout.trim()).toMatch(/^pbk_plugboard-platform\.[0-9a-f]{16}\./);
    expect(created.stderr).toContain('INTERNAL key');
    await expect(plugboard('keys', 'create', '--tenant', 'acme', '--role', 'partner')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('belong to the platform'),
    });
  });

  it('refuses a bad role or a missing tenant with a clear message and a non-zero exit', async () => {
    await expect(plugboard('keys', 'create', '--tenant', 'acme', '--role', 'boss')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--role must be one of admin, editor, viewer, runtime'),
    });
    await expect(plugboard('keys', 'list')).rejects.toMatchObject({
      stderr: expect.stringContaining("required option '--tenant <id>' not specified"),
    });
    await expect(plugboard('keys', 'create', '--role', 'admin')).rejects.toMatchObject({
      stderr: expect.stringContaining('--tenant is required for admin keys'),
    });
  });
});

describe('the plugboard command line', () => {
  const version = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version;

  it('prints its version', async () => {
    expect((await plugboard('--version')).stdout.trim()).toBe(version);
  });

  it.each([
    ['serve'],
    ['keys'],
    ['keys', 'create'],
    ['keys', 'list'],
    ['kek', 'rotate'],
    ['relay'],
    ['schema', 'emit'],
  ])('%s --help prints its help and does nothing else', async (...command) => {
    const { stdout } = await plugboard(...command, '--help');
    expect(stdout).toMatch(new RegExp(`^Usage: plugboard ${command.join(' ')}`));
    // Nothing was started or created: no store, no key file, no admin key.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses an unknown command or option, saying what to run instead', async () => {
    await expect(plugboard('serv')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("unknown command 'serv'"),
    });
    await expect(plugboard('keys', 'list', '--tenant', 'acme', '--colour')).rejects.toMatchObject({
      stderr: expect.stringContaining("unknown option '--colour'"),
    });
  });

  it.each<[string, string[], RegExp]>([
    [
      'a server that is not a URL',
      ['--server', 'not-a-url'],
      /--server <url>.*expected a URL such as https:\/\/plugboard.example.com, got "not-a-url"/s,
    ],
    [
      'an allowlist entry that is not a host, address or range',
      ['--server', 'https://p.example.com', '--allow', '10.0.0.0/8,999.1.1.1/99'],
      /--allow <list>.*not "999.1.1.1\/99"/s,
    ],
    [
      'a concurrency of zero',
      ['--server', 'https://p.example.com', '--concurrency', '0'],
      /--concurrency <n>.*at least 1/s,
    ],
  ])('plugboard relay refuses %s, naming the option', async (_name, args, message) => {
    await expect(plugboard('relay', ...args)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(message),
    });
  });
});

describe('plugboard serve refuses a bad setting before creating anything', () => {
  const serve = (env: Record<string, string>) =>
    run(process.execPath, [MAIN, 'serve'], { env: { ...process.env, PLUGBOARD_DATA_DIR: dataDir, PORT: '0', ...env } });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a HOST that does not resolve',
      { HOST: 'not-an-address.invalid' },
      /HOST must be an address of this machine.*"not-an-address.invalid" does not resolve/,
    ],
    [
      'a CORS origin that is not one',
      { PLUGBOARD_CORS_ORIGINS: 'not a url' },
      /PLUGBOARD_CORS_ORIGINS must be comma-separated origins.*"not a url" is not one/,
    ],
    ['a CORS origin with a path', { PLUGBOARD_CORS_ORIGINS: 'https://app.example.com/ui' }, /PLUGBOARD_CORS_ORIGINS/],
  ])('%s', async (_name, env, message) => {
    await expect(serve(env)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(message) });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('a port in use, naming PORT', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      await expect(serve({ PORT: String(port) })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`Cannot listen on 127.0.0.1:${port}: the port is in use. Set PORT`)),
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('plugboard kek rotate', () => {
  it("makes a new active key and re-wraps every tenant's data key under it, with progress", async () => {
    const config = loadConfig({ PLUGBOARD_DATA_DIR: dataDir });
    const store = new SqliteStore(join(dataDir, 'plugboard.db'));
    const cipher = new SecretCipher(store, LocalFileKeys.openOrCreate(join(dataDir, 'kek.json')));
    const sealed = await Promise.all(
      ['a', 'b', 'c'].map((tenant) => cipher.encrypt({ tenantId: tenant, configId: 'c', field: 'f' }, `s-${tenant}`)),
    );
    await store.close();

    const rotated = await plugboard('kek', 'rotate');
    expect(rotated.stderr).toMatch(/New active key-encryption key: kek-\d{8}-[0-9a-f]{8}/);
    expect(rotated.stderr).toContain('3/3 tenants');
    expect(rotated.stderr).toContain('Done: 3 re-wrapped');

    const keys = LocalFileKeys.openOrCreate(config.keks.kind === 'file' ? config.keks.file : '');
    const reopened = new SqliteStore(join(dataDir, 'plugboard.db'));
    for await (const dataKey of reopened.dataKeys.listAll()) expect(dataKey.kekId).toBe(keys.activeKeyId());
    const fresh = new SecretCipher(reopened, keys);
    expect(await fresh.decrypt({ tenantId: 'b', configId: 'c', field: 'f' }, sealed[1])).toBe('s-b');
    expect(Object.keys(JSON.parse(readFileSync(join(dataDir, 'kek.json'), 'utf8')).keys)).toHaveLength(2);
    await reopened.close();

    const again = await plugboard('kek', 'rewrap');
    expect(again.stderr).toContain('Done: 0 re-wrapped, 3 already under');
  });
});
