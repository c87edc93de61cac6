import { createHash } from 'node:crypto';
import {
  DisconnectOAuthGrantDocument,
  EditConnectorConfigDocument,
  StartOAuthAuthorizationDocument,
} from '../../codegen/generated/graphql';
import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET } from '../peers/oauth-server.peer';
import { execute } from '../support/graphql-client';
import {
  callProviderApi,
  comeBack,
  connect,
  consentFor,
  grantOf,
  type OAuthFixture,
  restApiConsentValues,
  runtimeRead,
  saveConfig,
  startOAuthFixture,
} from './oauth-fixture';

/**
 * A grant's life against a real authorization server with refresh-token rotation. Access tokens
 * live one second, so a read more than half a second after the last refresh renews them.
 */
let fixture: OAuthFixture;
let runtimeKey: string;

beforeAll(async () => {
  fixture = await startOAuthFixture('generic', { accessTokenTtl: 1, clientAuthMethod: 'client_secret_basic' });
  runtimeKey = (await fixture.server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key;
});

afterEach(async () => {
  await fixture.provider.steer({ tokenFailure: null, tokenDelayMs: 0 });
});

afterAll(async () => {
  await fixture?.stop();
});

const values = () => restApiConsentValues(fixture);

/** Past half an access token's life: the next read renews it. */
const untilDue = () => new Promise((resolve) => setTimeout(resolve, 600));

const refreshes = async () =>
  (await fixture.provider.state()).tokenRequests.filter((request) => request.grantType === 'refresh_token');

async function connected(): Promise<string> {
  const id = await saveConfig(fixture, 'rest-api', values());
  await connect(fixture, id);
  await untilDue();
  return id;
}

describe('the consent callback', () => {
  it('refuses a state used twice, and a state it never gave out', async () => {
    const id = await saveConfig(fixture, 'rest-api', values());
    const back = await consentFor(fixture, id);
    expect((await comeBack(back)).status).toBe(200);
    const replay = await comeBack(back);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('unknown or was already used');
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-a-state-we-gave');
    expect((await comeBack(forged)).status).toBe(400);
    // The code was exchanged once.
    const exchanges = (await fixture.provider.state()).tokenRequests.filter(
      (r) => r.grantType === 'authorization_code',
    );
    expect(exchanges.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(await grantOf(fixture, id)).toMatchObject({ status: 'CONNECTED' });
  });

  it('answers hostile callbacks with a page, never a crash or an echo', async () => {
    const callback = `${fixture.server.url}/oauth/callback`;
    const probes = [
      '',
      '?state=a&state=b',
      `?state=${'x'.repeat(8000)}&code=${'y'.repeat(8000)}`,
      '?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '?state[$ne]=1',
    ];
    for (const query of probes) {
      const answer = await fetch(`${callback}${query}`, { redirect: 'manual' });
      const text = await answer.text();
      expect({ query: query.slice(0, 40), status: answer.status }).toEqual({ query: query.slice(0, 40), status: 400 });
      expect(text).not.toContain('<script>');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    // A provider's words reach the config's error only as data, never as page markup.
    const id = await saveConfig(fixture, 'rest-api', values());
    const back = await consentFor(fixture, id);
    const refused = new URL(back);
    refused.searchParams.delete('code');
    refused.searchParams.set('error', 'server_error');
    refused.searchParams.set('error_description', '<img src=x onerror=alert(1)>');
    const answer = await comeBack(refused);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('<img');
    expect(await grantOf(fixture, id)).toMatchObject({ lastError: { code: 'PROVIDER_UNAVAILABLE' } });
  });

  it('refuses an expired state, and says so on the config', async () => {
    const id = await saveConfig(fixture, 'rest-api', values());
    const back = await consentFor(fixture, id);
    const stateId = createHash('sha256')
      .update(back.searchParams.get('state') ?? '')
      .digest('hex');
    const { store } = fixture.server.services;
    const pending = await store.oauthStates.take(stateId);
    await store.oauthStates.create({
      ...(pending as NonNullable<typeof pending>),
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    const answer = await comeBack(back);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('took too long');
    expect(await grantOf(fixture, id)).toMatchObject({
      status: 'NOT_CONNECTED',
      lastError: { code: 'OAUTH_NOT_CONNECTED', message: expect.stringContaining('took too long') },
    });
  });

  it('stores nothing when the user denies consent, and puts the reason on the config', async () => {
    const id = await saveConfig(fixture, 'rest-api', values());
    const answer = await comeBack(await consentFor(fixture, id, { deny: true }));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Access was not allowed at the provider&#39;s consent screen.');
    expect(await grantOf(fixture, id)).toMatchObject({
      status: 'NOT_CONNECTED',
      connectedAt: null,
      lastError: { code: 'OAUTH_ACCESS_DENIED', hint: expect.stringContaining('Allow') },
    });
    const runtime = await runtimeRead(fixture, id, runtimeKey);
    expect(runtime?.oauth).toMatchObject({ status: 'NOT_CONNECTED', accessToken: null });
  });

  it('uses the verifier the server checks: the code alone, or with another verifier, is refused', async () => {
    const id = await saveConfig(fixture, 'rest-api', values());
    const back = await consentFor(fixture, id);
    const { Agent, fetch } = await import('undici');
    const dispatcher = new Agent({ connect: { ca: fixture.certs.ca } });
    const exchange = (verifier?: string) =>
      fetch(`${fixture.provider.origin}/token`, {
        method: 'POST',
        dispatcher,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${OAUTH_CLIENT_ID}:${OAUTH_CLIENT_SECRET}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code') ?? '',
          redirect_uri: `${fixture.server.url}/oauth/callback`,
          ...(verifier ? { code_verifier: verifier } : {}),
        }).toString(),
      });
    expect((await exchange()).status).toBe(400);
    expect((await exchange('a'.repeat(43))).status).toBe(400);
    await dispatcher.close();
    // Plugboard's own verifier still works: the server checked, and refused the others.
    expect((await comeBack(back)).status).toBe(200);
    expect(await grantOf(fixture, id)).toMatchObject({ status: 'CONNECTED' });
  });

  it('sends the browser back to an allowed UI address, and refuses any other', async () => {
    const id = await saveConfig(fixture, 'rest-api', values());
    const returnUrl = `${fixture.server.url}/#/configs/${encodeURIComponent(id)}`;
    const answer = await comeBack(await consentFor(fixture, id, { returnUrl }));
    expect(answer.status).toBe(303);
    const location = new URL(answer.location ?? '');
    expect(location.origin).toBe(fixture.server.url);
    expect(location.searchParams.get('oauth')).toBe('connected');

    const { data } = await execute(
      fixture.server.url,
      StartOAuthAuthorizationDocument,
      { input: { configId: id, returnUrl: 'https://evil.example/steal' } },
      fixture.admin,
    );
    expect(data?.startOAuthAuthorization).toMatchObject({
      authorizationUrl: null,
      errors: [{ field: 'returnUrl', code: 'NOT_ALLOWED' }],
    });
  });

  it('says what to fix before a flow can start', async () => {
    const other = await saveConfig(fixture, 'rest-api', {
      ...values(),
      authMethod: 'BEARER',
      bearerToken: 'x'.repeat(12),
    });
    const { data } = await execute(
      fixture.server.url,
      StartOAuthAuthorizationDocument,
      { input: { configId: other } },
      fixture.admin,
    );
    expect(data?.startOAuthAuthorization.errors).toEqual([
      expect.objectContaining({ field: 'authMethod', code: 'INVALID_VALUE' }),
    ]);
    const missing = await execute(
      fixture.server.url,
      StartOAuthAuthorizationDocument,
      { input: { configId: 'Q29ubmVjdG9yQ29uZmlnOm5vbmU=' } },
      fixture.admin,
    );
    expect(missing.data?.startOAuthAuthorization.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });
});

describe('the runtime read', () => {
  it('refreshes when the token is due, and follows rotation: each refresh token is spent once', async () => {
    const id = await connected();
    const before = (await refreshes()).length;
    const first = await runtimeRead(fixture, id, runtimeKey);
    // Fresh now: the next read within half its life uses it as it is.
    expect((await runtimeRead(fixture, id, runtimeKey))?.oauth?.accessToken).toBe(first?.oauth?.accessToken);
    await untilDue();
    const second = await runtimeRead(fixture, id, runtimeKey);
    const seen = (await refreshes()).slice(before);
    expect(seen.map((request) => request.status)).toEqual([200, 200]);
    expect(new Set(seen.map((request) => request.refreshToken)).size).toBe(2);
    expect(first?.oauth?.accessToken).not.toBe(second?.oauth?.accessToken);
    expect(await callProviderApi(fixture, '/api/items', second?.oauth?.accessToken)).toBe(200);
    expect(await grantOf(fixture, id)).toMatchObject({ status: 'CONNECTED', lastRefreshedAt: expect.any(String) });
  });

  it('makes one refresh for many concurrent reads', async () => {
    const id = await connected();
    await fixture.provider.steer({ tokenDelayMs: 300 });
    const before = (await refreshes()).length;
    const reads = await Promise.all(Array.from({ length: 8 }, () => runtimeRead(fixture, id, runtimeKey)));
    expect((await refreshes()).length - before).toBe(1);
    expect(new Set(reads.map((read) => read?.oauth?.accessToken)).size).toBe(1);
  });

  it('marks the grant REFRESH_FAILED when the provider refuses it, with a reconnect hint, and tells webhooks', async () => {
    const hook = await fixture.server.services.webhooks.create(
      { tenantId: 'default', role: 'ADMIN', actor: 'test' },
      'http://127.0.0.1:9/hooks',
      ['oauth.refresh_failed'],
    );
    const id = await connected();
    await fixture.provider.steer({
      tokenFailure: {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'grant request is invalid' },
        times: 1,
      },
    });
    const runtime = await runtimeRead(fixture, id, runtimeKey);
    expect(runtime?.oauth).toMatchObject({
      status: 'REFRESH_FAILED',
      accessToken: null,
      problem: { code: 'OAUTH_REFRESH_FAILED', hint: expect.stringContaining('Reconnect') },
    });
    expect(await grantOf(fixture, id)).toMatchObject({
      status: 'REFRESH_FAILED',
      lastError: { code: 'OAUTH_REFRESH_FAILED' },
    });
    const queued = await fixture.server.services.store.deliveries.list('default', hook.webhook?.id ?? '', {
      first: 10,
    });
    expect(queued.items.map((delivery) => JSON.parse(delivery.payload))).toEqual([
      expect.objectContaining({
        type: 'oauth.refresh_failed',
        configId: id,
        code: 'OAUTH_REFRESH_FAILED',
        field: 'authMethod',
      }),
    ]);
    // Nothing is retried against a refused grant: reads say so until someone reconnects.
    const before = (await fixture.provider.state()).tokenRequests.length;
    expect((await runtimeRead(fixture, id, runtimeKey))?.oauth?.status).toBe('REFRESH_FAILED');
    expect((await fixture.provider.state()).tokenRequests.length).toBe(before);
    await connect(fixture, id);
    expect((await runtimeRead(fixture, id, runtimeKey))?.oauth).toMatchObject({ status: 'CONNECTED', problem: null });
  });

  it('retries a provider that is briefly down, then succeeds', async () => {
    const id = await connected();
    await fixture.provider.steer({
      tokenFailure: { status: 503, body: { error: 'temporarily_unavailable' }, times: 2 },
    });
    const before = (await fixture.provider.state()).tokenRequests.length;
    const runtime = await runtimeRead(fixture, id, runtimeKey);
    expect(runtime?.oauth).toMatchObject({ status: 'CONNECTED', problem: null, accessToken: expect.any(String) });
    const seen = (await fixture.provider.state()).tokenRequests.slice(before);
    expect(seen.map((request) => request.grantType)).toEqual(['injected-failure', 'injected-failure', 'refresh_token']);
  });

  it('forgets the tokens when disconnected', async () => {
    const id = await connected();
    const { data } = await execute(
      fixture.server.url,
      DisconnectOAuthGrantDocument,
      { input: { configId: id } },
      fixture.admin,
    );
    expect(data?.disconnectOAuthGrant).toMatchObject({ grant: { status: 'REVOKED' }, errors: [] });
    expect((await runtimeRead(fixture, id, runtimeKey))?.oauth).toMatchObject({ status: 'REVOKED', accessToken: null });
  });
});

describe('secrets', () => {
  it('shows no token or client secret anywhere but the runtime read: responses, logs, metrics, audit', async () => {
    const id = await connected();
    const runtime = await runtimeRead(fixture, id, runtimeKey);
    const tokens = [
      runtime?.oauth?.accessToken as string,
      ...(await fixture.provider.state()).tokenRequests.flatMap((request) =>
        request.refreshToken ? [request.refreshToken] : [],
      ),
      OAUTH_CLIENT_SECRET,
    ];
    expect(tokens.length).toBeGreaterThan(2);
    const config = await execute(fixture.server.url, EditConnectorConfigDocument, { id }, fixture.admin);
    const metrics = await (await fetch(`${fixture.server.url}/metrics`)).text();
    const audit = await fixture.server.services.store.audit.list('default', { first: 100 });
    const everywhere = [JSON.stringify(config), fixture.server.logs(), metrics, JSON.stringify(audit)].join('\n');
    for (const token of tokens) expect(everywhere).not.toContain(token);
    expect(fixture.server.logs()).toContain('an OAuth grant was connected');
  });
});
