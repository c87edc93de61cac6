import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentKeys } from '../../src/secrets/environment.kek';
import { rewrapDataKeys } from '../../src/secrets/key-rotation';
import { newKeyMaterial } from '../../src/secrets/keyring';
import { LocalFileKeys } from '../../src/secrets/local-file.kek';
import { SecretCipher } from '../../src/secrets/secret-cipher';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plugboard-secrets-'));
  store = new SqliteStore(join(dir, 'store.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (tenantId: string, configId = 'c1', field = 'password') => ({ tenantId, configId, field });

describe('envelope encryption of locked fields', () => {
  it('round-trips a value, with a fresh nonce every time', async () => {
    const cipher = new SecretCipher(store, LocalFileKeys.openOrCreate(join(dir, 'kek.json')));
    const one = await cipher.encrypt(at('acme'), 'hunter2');
    const two = await cipher.encrypt(at('acme'), 'hunter2');
    expect(one.ciphertext).not.toBe(two.ciphertext);
    expect(one.iv).not.toBe(two.iv);
    expect(await cipher.decrypt(at('acme'), one)).toBe('hunter2');
  });

  it('refuses a ciphertext moved to another field, config or tenant', async () => {
    const cipher = new SecretCipher(store, LocalFileKeys.openOrCreate(join(dir, 'kek.json')));
    const sealed = await cipher.encrypt(at('acme'), 'hunter2');
    await expect(cipher.decrypt(at('acme', 'c1', 'apiKey'), sealed)).rejects.toThrow();
    await expect(cipher.decrypt(at('acme', 'c2'), sealed)).rejects.toThrow();
    await expect(cipher.decrypt(at('globex'), sealed)).rejects.toThrow();
    const tampered = { ...sealed, ciphertext: Buffer.from('x').toString('base64') };
    await expect(cipher.decrypt(at('acme'), tampered)).rejects.toThrow();
  });

  it('gives each tenant its own data key, stored only wrapped', async () => {
    const keys = LocalFileKeys.openOrCreate(join(dir, 'kek.json'));
    const cipher = new SecretCipher(store, keys);
    await cipher.encrypt(at('acme'), 'a');
    await cipher.encrypt(at('globex'), 'b');
    const acme = await store.dataKeys.get('acme');
    const globex = await store.dataKeys.get('globex');
    expect(acme?.kekId).toBe(keys.activeKeyId());
    expect(acme?.wrapped).not.toBe(globex?.wrapped);
    // A wrapped data key copied to another tenant does not unwrap there.
    await expect(keys.unwrap('globex', acme?.kekId as string, acme?.wrapped as string)).rejects.toThrow();
  });

  it('creates the key file readable by its owner only', () => {
    LocalFileKeys.openOrCreate(join(dir, 'kek.json'));
    expect(statSync(join(dir, 'kek.json')).mode & 0o777).toBe(0o600);
  });
});

describe('key-encryption-key rotation', () => {
  async function seedTenants(cipher: SecretCipher, count: number) {
    const sealed = [];
    for (let index = 0; index < count; index += 1)
      sealed.push(await cipher.encrypt(at(`tenant-${index}`), `secret-${index}`));
    return sealed;
  }

  it('re-wraps every data key under the new key, leaving ciphertexts readable', async () => {
    const keys = LocalFileKeys.openOrCreate(join(dir, 'kek.json'));
    const sealed = await seedTenants(new SecretCipher(store, keys), 5);
    const oldKek = keys.activeKeyId();
    const newKek = await keys.createActiveKey();
    const progress: number[] = [];
    const result = await rewrapDataKeys(store, keys, (p) => progress.push(p.done));
    expect(result).toEqual({ total: 5, done: 5, rewrapped: 5 });
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    for await (const key of store.dataKeys.listAll()) expect(key.kekId).toBe(newKek);

    // A fresh process (no cached data keys) reads every old ciphertext through the new wrapping.
    const reopened = LocalFileKeys.openOrCreate(join(dir, 'kek.json'));
    expect(reopened.activeKeyId()).toBe(newKek);
    const fresh = new SecretCipher(store, reopened);
    for (let index = 0; index < 5; index += 1) {
      expect(await fresh.decrypt(at(`tenant-${index}`), sealed[index])).toBe(`secret-${index}`);
    }
    expect(JSON.parse(readFileSync(join(dir, 'kek.json'), 'utf8')).keys).toHaveProperty(oldKek);
  });

  it('can be interrupted and run again', async () => {
    const keys = LocalFileKeys.openOrCreate(join(dir, 'kek.json'));
    await seedTenants(new SecretCipher(store, keys), 4);
    await keys.createActiveKey();
    const interrupted = rewrapDataKeys(store, keys, (p) => {
      if (p.done === 2) throw new Error('interrupted');
    });
    await expect(interrupted).rejects.toThrow('interrupted');
    const resumed = await rewrapDataKeys(store, keys);
    expect(resumed).toEqual({ total: 4, done: 4, rewrapped: 2 });
    const again = await rewrapDataKeys(store, keys);
    expect(again.rewrapped).toBe(0);
  });

  it('works with keys from the environment, which it cannot create', async () => {
    const first = newKeyMaterial();
    const second = newKeyMaterial();
    const before = EnvironmentKeys.fromEnvironment(`k1:${first}`);
    const sealed = await new SecretCipher(store, before).encrypt(at('acme'), 'hunter2');
    const after = EnvironmentKeys.fromEnvironment(`k1:${first},k2:${second}`, 'k2');
    expect(await rewrapDataKeys(store, after)).toMatchObject({ rewrapped: 1 });
    expect((await store.dataKeys.get('acme'))?.kekId).toBe('k2');
    expect(
      await new SecretCipher(store, EnvironmentKeys.fromEnvironment(`k2:${second}`)).decrypt(at('acme'), sealed),
    ).toBe('hunter2');
    await expect(after.createActiveKey()).rejects.toThrow('PLUGBOARD_KEKS');
    expect(() => EnvironmentKeys.fromEnvironment('k1:c2hvcnQ=')).toThrow('32 bytes');
    expect(() => EnvironmentKeys.fromEnvironment('no-separator')).toThrow('id:base64key');
  });
});
