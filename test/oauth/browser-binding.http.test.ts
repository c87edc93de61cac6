import { StartOAuthAuthorizationDocument } from '../../codegen/generated/graphql';
import { execute } from '../support/graphql-client';
import {
  comeBack,
  grantOf,
  type OAuthFixture,
  restApiConsentValues,
  saveConfig,
  startOAuthFixture,
} from './oauth-fixture';

/**
 * The start URL binds a consent flow to the browser that opened it: the callback then asks for
 * that browser's cookie, so a consent finished anywhere else (someone who got hold of the
 * provider's URL, signing in with their own account) stores nothing. Against a real
 * authorization server; "the browser" is a cookie jar carried between the hops.
 */
let fixture: OAuthFixture;

beforeAll(async () => {
  fixture = await startOAuthFixture('generic');
});

afterAll(async () => {
  await fixture?.stop();
});

async function started(configId: string) {
  const { data, errors } = await execute(
    fixture.server.url,
    StartOAuthAuthorizationDocument,
    { input: { configId } },
    fixture.admin,
  );
  expect(errors).toBeUndefined();
  const payload = data?.startOAuthAuthorization;
  expect(payload?.errors).toEqual([]);
  return { authorizationUrl: payload?.authorizationUrl as string, startUrl: payload?.startUrl as string };
}

/** Opens the start URL as a browser would: the cookie it sets, and where it sends the browser. */
async function openStart(startUrl: string) {
  const answer = await fetch(startUrl, { redirect: 'manual' });
  const [setCookie] = answer.headers.getSetCookie();
  return { status: answer.status, location: answer.headers.get('location'), setCookie, text: await answer.text() };
}

const cookiePair = (setCookie: string) => setCookie.split(';')[0];

async function comeBackWith(back: URL, cookie: string | undefined) {
  const answer = await fetch(back, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: answer.status, text: await answer.text(), setCookie: answer.headers.getSetCookie()[0] };
}

describe('the start URL', () => {
  it('binds the flow to the browser that opened it, which then connects', async () => {
    const id = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
    const { authorizationUrl, startUrl } = await started(id);
    expect(new URL(startUrl).origin).toBe(fixture.server.url);
    expect(new URL(startUrl).pathname).toBe('/oauth/start');

    const opened = await openStart(startUrl);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(authorizationUrl);
    // One cookie for this flow, only for the callback, never readable by scripts, sent on the
    // provider's top-level redirect back and no longer than the flow lives.
    expect(opened.setCookie).toMatch(/^plugboard_oauth_[0-9a-f]{16}=[\w-]{43}; /);
    expect(opened.setCookie).toContain('Path=/oauth/callback');
    expect(opened.setCookie).toContain('HttpOnly');
    expect(opened.setCookie).toContain('SameSite=Lax');
    const maxAge = Number(/Max-Age=(\d+)/.exec(opened.setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(590);
    expect(maxAge).toBeLessThanOrEqual(600);

    const back = await fixture.provider.consent(opened.location as string);
    const answer = await comeBackWith(back, cookiePair(opened.setCookie));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Connected');
    // The flow is over: its cookie is cleared.
    expect(answer.setCookie).toMatch(/^plugboard_oauth_[0-9a-f]{16}=; Max-Age=0; Path=\/oauth\/callback; HttpOnly/);
    expect((await grantOf(fixture, id))?.status).toBe('CONNECTED');
  });

  it('refuses a flow finished in another browser, and stores nothing', async () => {
    const id = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
    const { startUrl } = await started(id);
    const opened = await openStart(startUrl);
    // Someone else's browser: the provider's URL, their own sign-in, no cookie.
    const back = await fixture.provider.consent(opened.location as string);
    const answer = await comeBack(back);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('a different browser');
    const grant = await grantOf(fixture, id);
    expect(grant?.status).toBe('NOT_CONNECTED');
    expect(grant?.grantedScopes).toEqual([]);
    expect(grant?.lastError).toMatchObject({ code: 'OAUTH_NOT_CONNECTED' });
    expect(grant?.lastError?.hint).toContain('same browser');
  });

  it("refuses another flow's cookie", async () => {
    const id = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
    const first = await openStart((await started(id)).startUrl);
    const second = await openStart((await started(id)).startUrl);
    const back = await fixture.provider.consent(second.location as string);
    // The first flow's value under the second flow's name: a browser holding only its own flow.
    const [secondName] = cookiePair(second.setCookie).split('=');
    const forged = `${secondName}=${cookiePair(first.setCookie).split('=')[1]}`;
    const answer = await comeBackWith(back, `${cookiePair(first.setCookie)}; ${forged}`);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('a different browser');
    expect((await grantOf(fixture, id))?.status).toBe('NOT_CONNECTED');
  });

  it('opens once, and only with its own binding', async () => {
    const id = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
    const { startUrl } = await started(id);
    const wrong = new URL(startUrl);
    wrong.searchParams.set('binding', 'A'.repeat(43));
    const refused = await openStart(wrong.href);
    expect(refused.status).toBe(400);
    expect(refused.setCookie).toBeUndefined();
    expect(refused.text).toContain('Each Connect link opens once');

    expect((await openStart(startUrl)).status).toBe(303);
    const again = await openStart(startUrl);
    expect(again.status).toBe(400);
    expect(again.setCookie).toBeUndefined();
  });

  it('answers hostile start requests with a page that echoes nothing', async () => {
    const marker = '<script>alert(1)</script>';
    for (const query of [
      '',
      `?state=${encodeURIComponent(marker)}&binding=x`,
      '?state=a&state=b&binding=c',
      `?state=${'s'.repeat(8000)}&binding=${'b'.repeat(8000)}`,
    ]) {
      const answer = await openStart(`${fixture.server.url}/oauth/start${query}`);
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain('<script>');
      expect(answer.text).not.toContain('sss');
      expect(answer.setCookie).toBeUndefined();
    }
  });
});

describe('PLUGBOARD_OAUTH_BROWSER_BINDING=required', () => {
  let strict: OAuthFixture;

  beforeAll(async () => {
    strict = await startOAuthFixture('generic', { env: { PLUGBOARD_OAUTH_BROWSER_BINDING: 'required' } });
  });

  afterAll(async () => {
    await strict?.stop();
  });

  it("refuses a flow opened at the provider's URL directly, and connects one opened at the start URL", async () => {
    const id = await saveConfig(strict, 'rest-api', restApiConsentValues(strict));
    const { data } = await execute(
      strict.server.url,
      StartOAuthAuthorizationDocument,
      { input: { configId: id } },
      strict.admin,
    );
    const direct = await comeBack(
      await strict.provider.consent(data?.startOAuthAuthorization.authorizationUrl as string),
    );
    expect(direct.status).toBe(400);
    expect(direct.text).toContain('did not start from Plugboard&#39;s Connect link');
    expect((await grantOf(strict, id))?.status).toBe('NOT_CONNECTED');

    const again = await execute(
      strict.server.url,
      StartOAuthAuthorizationDocument,
      { input: { configId: id } },
      strict.admin,
    );
    const opened = await openStart(again.data?.startOAuthAuthorization.startUrl as string);
    const back = await strict.provider.consent(opened.location as string);
    const answer = await comeBackWith(back, cookiePair(opened.setCookie));
    expect(answer.status).toBe(200);
    expect((await grantOf(strict, id))?.status).toBe('CONNECTED');
  });
});
