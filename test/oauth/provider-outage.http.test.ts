import {
  connect,
  type OAuthFixture,
  restApiConsentValues,
  runtimeRead,
  saveConfig,
  startOAuthFixture,
} from './oauth-fixture';

/**
 * A provider whose token endpoint is down: after two refreshes that failed with their retries,
 * the endpoint's breaker opens and due runtime reads answer at once, without asking the
 * provider, for every grant on that endpoint; after the cooldown one trial refresh closes it.
 * Access tokens live one second here, so a read half a second after a refresh is due.
 */
let fixture: OAuthFixture;
let runtimeKey: string;
// Long enough that the reads below, on a loaded machine, all fall within it.
const COOLDOWN_MS = 5000;

beforeAll(async () => {
  fixture = await startOAuthFixture('generic', {
    accessTokenTtl: 1,
    env: { PLUGBOARD_OAUTH_PROVIDER_COOLDOWN_SECONDS: String(COOLDOWN_MS / 1000) },
  });
  runtimeKey = (await fixture.server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key;
});

afterAll(async () => {
  await fixture?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokenRequests = async () => (await fixture.provider.state()).tokenRequests.length;

async function timedRead(id: string) {
  const started = performance.now();
  const runtime = await runtimeRead(fixture, id, runtimeKey);
  return { oauth: runtime?.oauth, ms: performance.now() - started };
}

it('stops asking a token endpoint that keeps failing, answers at once meanwhile, and tries again after the cooldown', async () => {
  const first = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
  const second = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
  await connect(fixture, first);
  await connect(fixture, second);
  await pause(600);
  await fixture.provider.steer({
    tokenFailure: { status: 503, body: { error: 'temporarily_unavailable' }, times: 1000 },
  });

  // Two due reads that each try, retry twice, and fail: the endpoint's breaker opens.
  for (const id of [first, second]) {
    const before = await tokenRequests();
    const { oauth } = await timedRead(id);
    expect(oauth).toMatchObject({ status: 'CONNECTED', problem: { code: 'PROVIDER_UNAVAILABLE' } });
    expect((await tokenRequests()) - before).toBe(3);
  }

  // Open: due reads of either grant answer at once, and nothing reaches the provider.
  const before = await tokenRequests();
  for (const id of [first, second, first]) {
    const { oauth, ms } = await timedRead(id);
    expect(oauth).toMatchObject({ status: 'CONNECTED', accessToken: null, problem: { code: 'PROVIDER_UNAVAILABLE' } });
    // Against about 1.25 s for a read that waits out the retries.
    expect(ms).toBeLessThan(600);
  }
  expect(await tokenRequests()).toBe(before);

  // The provider is back; after the cooldown one trial refresh goes out and closes the breaker.
  await fixture.provider.steer({ tokenFailure: null });
  await pause(COOLDOWN_MS + 200);
  for (const id of [first, second]) {
    const { oauth } = await timedRead(id);
    expect(oauth).toMatchObject({ status: 'CONNECTED', problem: null, accessToken: expect.any(String) });
  }
  const seen = (await fixture.provider.state()).tokenRequests.slice(before).map((request) => request.grantType);
  expect(seen).toEqual(['refresh_token', 'refresh_token']);
});

it('does not count a refused grant against the endpoint', async () => {
  // Fresh endpoint state: the breaker closed above.
  const ids = [
    await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture)),
    await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture)),
    await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture)),
  ];
  for (const id of ids) await connect(fixture, id);
  await pause(600);
  await fixture.provider.steer({
    tokenFailure: { status: 400, body: { error: 'invalid_grant', error_description: 'revoked' }, times: 2 },
  });
  for (const id of ids.slice(0, 2)) {
    expect((await timedRead(id)).oauth).toMatchObject({ status: 'REFRESH_FAILED' });
  }
  // Two refusals of grants: the endpoint is fine, and the third grant refreshes.
  const { oauth } = await timedRead(ids[2]);
  expect(oauth).toMatchObject({ status: 'CONNECTED', problem: null, accessToken: expect.any(String) });
});
