import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key.format';
import { startServerProcess } from '../support/server-process';

describe('the server process', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'plugboard-process-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs one startup line saying where it listens, serves, and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await startServerProcess({
      PLUGBOARD_DATA_DIR: dataDir,
      PLUGBOARD_BOOTSTRAP_ADMIN_KEY: generateApiKey('default').key,
    });
    const lines = output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, url: `${url}/graphql` });

    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);

    child.kill('SIGTERM');
    // 'close' rather than 'exit': it waits for the last output to be read.
    const [code] = await once(child, 'close');
    expect(code).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
  });

  it('on first start, writes an admin key to a file only its owner can read, and logs where but not the key', async () => {
    const { child, url, output } = await startServerProcess({ PLUGBOARD_DATA_DIR: dataDir });
    const file = join(dataDir, 'admin-key.txt');
    const key = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'kek.json')).mode & 0o777).toBe(0o600);
    expect(output()).toContain(file);
    expect(output()).not.toContain(key);

    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ apiKeys { name role } }' }),
    });
    expect(await response.json()).toEqual({ data: { apiKeys: [{ name: 'first admin key', role: 'ADMIN' }] } });
    child.kill('SIGTERM');
    await once(child, 'close');
  });
});
