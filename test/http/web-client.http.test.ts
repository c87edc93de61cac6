import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * `/` serves the built web client under a strict content security policy, and only the files
 * the build wrote; without a build it says how to make one. (The client itself is tested in a
 * real browser: test/browser/.)
 */
let webDir: string;
let built: TestServer;
let unbuilt: TestServer;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'plugboard-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Plugboard</title>');
  writeFileSync(join(webDir, 'app.js'), 'console.log("client")');
  built = await startTestServer({ PLUGBOARD_WEB_DIR: webDir });
  unbuilt = await startTestServer({ PLUGBOARD_WEB_DIR: join(webDir, 'missing') });
});

afterAll(async () => {
  await Promise.all([built.stop(), unbuilt.stop()]);
  rmSync(webDir, { recursive: true, force: true });
});

describe('the web client route', () => {
  it('serves index.html at / with a policy that allows only its own scripts, styles and API', async () => {
    const response = await fetch(`${built.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Plugboard</title>');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the bundle, and nothing the build did not write', async () => {
    expect((await fetch(`${built.url}/app.js`)).headers.get('content-type')).toContain('javascript');
    mkdirSync(join(webDir, 'later'), { recursive: true });
    writeFileSync(join(webDir, 'later', 'secret.txt'), 'not routed');
    expect((await fetch(`${built.url}/later/secret.txt`)).status).toBe(404);
    expect((await fetch(`${built.url}/..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${built.url}/healthz`)).status).toBe(200);
  });

  it('says how to build the client when it is not built', async () => {
    const response = await fetch(`${unbuilt.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
