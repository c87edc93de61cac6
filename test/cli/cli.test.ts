import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    expect(listed.stdout).toContain(`${keyId}\tADMIN\tactive`);
    expect(listed.stdout).not.toContain(key.split('.')[2]);

    await plugboard('keys', 'revoke', '--tenant', 'acme', '--id', keyId);
    expect((await plugboard('keys', 'list', '--tenant', 'acme')).stdout).toContain(`${keyId}\tADMIN\trevoked`);
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
      stderr: expect.stringContaining('--tenant is required'),
    });
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
