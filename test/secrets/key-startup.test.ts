import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { startApp } from '../../src/app';
import { generateApiKey } from '../../src/auth/api-key.format';
import { loadConfig } from '../../src/environment';
import { createLogger } from '../../src/logger';
import { execute } from '../support/graphql-client';

/**
 * A store whose data keys were wrapped by key-encryption keys the server does not have is
 * never served as if all were well: startup stops and names the key and the file, and no new
 * key is made over existing data. /readyz checks a stored data key really unwraps.
 */
let dir: string;
const adminKey = generateApiKey('default').key;
const env = () => ({ PORT: '0', HOST: '127.0.0.1', PLUGBOARD_DATA_DIR: dir, PLUGBOARD_BOOTSTRAP_ADMIN_KEY: adminKey });
const start = () => startApp(loadConfig(env()), createLogger('silent'));
const kekFile = () => join(dir, 'kek.json');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plugboard-keys-'));
  // A config with a locked value: the tenant's data key is made and stored, wrapped.
  const app = await start();
  const { data } = await execute<{ createConnectorConfig: { errors: unknown[] } }, never>(
    app.url,
    parse(`mutation { createConnectorConfig(input: { name: "p", connectorType: "rest-api",
      values: { baseUrl: "https://example.com", authMethod: "BEARER", bearerToken: "Startup-Canary-1" } }) { errors { code } } }`),
    undefined,
    { authorization: `Bearer ${adminKey}` },
  );
  expect(data?.createConnectorConfig.errors).toEqual([]);
  await app.stop();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('starts again with the same key file', async () => {
  const app = await start();
  expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  await app.stop();
});

it('refuses to start when the key file is missing, and makes no new one', async () => {
  unlinkSync(kekFile());
  await expect(start()).rejects.toThrow(`The key file ${kekFile()} is missing, but the store holds data`);
  await expect(start()).rejects.toThrow('is missing');
});

it('refuses to start with another key file, naming the key the data needs', async () => {
  writeFileSync(
    kekFile(),
    JSON.stringify({ active: 'kek-other', keys: { 'kek-other': Buffer.alloc(32, 7).toString('base64') } }),
  );
  await expect(start()).rejects.toThrow(
    /wrapped by key-encryption key "[^"]+", which key file .*kek\.json does not have/,
  );
});

it.each([
  ['an empty', ''],
  ['a corrupt', '{"active":'],
])('names %s key file', async (_name, text) => {
  writeFileSync(kekFile(), text);
  await expect(start()).rejects.toThrow(`The key file ${kekFile()} cannot be read as a keyring`);
});

it('says not ready when a stored data key does not unwrap', async () => {
  const app = await start();
  const stored = await app.services.store.dataKeys.get('default');
  if (!stored) throw new Error('no data key');
  await app.services.store.dataKeys.rewrap({ ...stored, kekId: 'kek-gone' }, stored.kekId);
  const response = await fetch(`${app.url}/readyz`);
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ checks: { keys: 'failing' } });
  await app.stop();
});
