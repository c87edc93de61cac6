import { join } from 'node:path';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { OutboundGuard } from '../../src/connection-test/outbound-guard';
import { LocalGrantLocks } from '../../src/fleet/grant-locks.port';
import { openRedis, type RedisConnection } from '../../src/fleet/redis-connection';
import { RedisGrantLocks } from '../../src/fleet/redis-grant-locks';
import { localIdOf } from '../../src/global-id';
import { createLogger } from '../../src/logger';
import { IdleGrantRefresher } from '../../src/oauth/idle-grant-refresher';
import { OAuthGrants, type OAuthGrantsOptions } from '../../src/oauth/oauth-grants.service';
import { TokenEndpoint } from '../../src/oauth/token-endpoint';
import { LocalFileKeys } from '../../src/secrets/local-file.kek';
import { SecretCipher } from '../../src/secrets/secret-cipher';
import { StoreUnavailableError } from '../../src/store/store.errors';
import type { Store } from '../../src/store/store.port';
import type { StoredConfig } from '../../src/store/store.types';
import { type RedisPeer, startRedis } from '../peers/redis.peer';
import { connect, type OAuthFixture, restApiConsentValues, saveConfig, startOAuthFixture } from './oauth-fixture';

/**
 * The refresh path under faults, with the real store, keys and authorization server of a
 * running Plugboard, and OAuthGrants instances standing in for processes: one whose writes
 * fail, one that restarts after a crash, two replicas sharing a Redis lock.
 */
let fixture: OAuthFixture;
let redis: RedisPeer;
const connections: RedisConnection[] = [];
const logger = createLogger('silent');
const catalogue = defaultCatalogue();

beforeAll(async () => {
  fixture = await startOAuthFixture('generic', { accessTokenTtl: 1, clientAuthMethod: 'client_secret_basic' });
  redis = await startRedis();
});

afterEach(async () => {
  await fixture.provider.steer({ tokenDelayMs: 0 });
});

afterAll(async () => {
  for (const connection of connections) await connection.close();
  await redis?.stop();
  await fixture?.stop();
});

const OPTIONS: OAuthGrantsOptions = {
  refreshMarginSeconds: 300,
  interruptedAfterMs: 120_000,
  writeRetryDelaysMs: [10, 20],
};

/** The refreshed grant's write: new tokens, no intent mark left. */
const isRefreshWrite = (grant: { lastRefreshedAt: string | null; refreshStartedAt: string | null }) =>
  Boolean(grant.lastRefreshedAt) && !grant.refreshStartedAt;

/** The server's store, with refreshed-grant writes failing while `failures()` says so. */
function storeFailingRefreshWrites(failures: () => boolean): Store {
  const store = fixture.server.services.store;
  return {
    ...store,
    kind: store.kind,
    ping: () => store.ping(),
    close: () => store.close(),
    oauthGrants: {
      ...store.oauthGrants,
      put: async (grant, expected) => {
        if (isRefreshWrite(grant) && failures()) throw new StoreUnavailableError('the database is unavailable');
        return store.oauthGrants.put(grant, expected);
      },
    },
  };
}

function grantsOver(store: Store, options: Partial<OAuthGrantsOptions> = {}, locks = new LocalGrantLocks()) {
  const cipher = new SecretCipher(store, LocalFileKeys.openOrCreate(join(fixture.server.dataDir, 'kek.json')));
  const tokens = new TokenEndpoint({
    destinations: new OutboundGuard(['127.0.0.1/32']),
    extraCaCertificates: [fixture.certs.ca],
    retryDelaysMs: [10],
  });
  return new OAuthGrants(store, catalogue, cipher, tokens, locks, logger, { ...OPTIONS, ...options });
}

async function connectedConfig(): Promise<StoredConfig> {
  const id = await saveConfig(fixture, 'rest-api', restApiConsentValues(fixture));
  await connect(fixture, id);
  // Past half the one-second token's life: due for renewal.
  await new Promise((resolve) => setTimeout(resolve, 600));
  const [config] = await fixture.server.services.store.configs.getMany('default', [
    localIdOf('ConnectorConfig', id) as string,
  ]);
  return config;
}

const refreshCount = async () =>
  (await fixture.provider.state()).tokenRequests.filter((request) => request.grantType === 'refresh_token').length;

it('retries the write of a refresh, and the runtime gets the new token once it is stored', async () => {
  const config = await connectedConfig();
  let failing = 2;
  const grants = grantsOver(storeFailingRefreshWrites(() => failing-- > 0));
  const before = await refreshCount();
  const access = await grants.access(config);
  expect(access).toMatchObject({ status: 'CONNECTED', accessToken: expect.any(String), problem: null });
  expect((await refreshCount()) - before).toBe(1);
  const [stored] = await fixture.server.services.store.oauthGrants.getMany('default', [config.id]);
  expect(stored).toMatchObject({ refreshStartedAt: null, lastRefreshedAt: expect.any(String) });
});

it('keeps an answer it could not store, and stores it on the next read without asking again', async () => {
  const config = await connectedConfig();
  let down = true;
  const grants = grantsOver(storeFailingRefreshWrites(() => down));
  const before = await refreshCount();
  await expect(grants.access(config)).rejects.toBeInstanceOf(StoreUnavailableError);
  down = false;
  const access = await grants.access(config);
  expect(access).toMatchObject({ status: 'CONNECTED', accessToken: expect.any(String) });
  // One refresh: the second read stored the first answer rather than spend its refresh token again.
  expect((await refreshCount()) - before).toBe(1);
});

it('after a crash between the answer and the write, never sends the spent refresh token again', async () => {
  const config = await connectedConfig();
  const crashing = grantsOver(storeFailingRefreshWrites(() => true));
  const before = await refreshCount();
  await expect(crashing.access(config)).rejects.toBeInstanceOf(StoreUnavailableError);
  expect((await refreshCount()) - before).toBe(1);
  // The process dies with the answer in memory; a new one finds the intent mark.
  const restarted = grantsOver(fixture.server.services.store, { interruptedAfterMs: 0 });
  const access = await restarted.access(config);
  expect(access).toMatchObject({
    status: 'REFRESH_FAILED',
    accessToken: null,
    problem: { code: 'OAUTH_REFRESH_INTERRUPTED', hint: expect.stringContaining('Reconnect') },
  });
  expect((await refreshCount()) - before).toBe(1);
});

it('refreshes once across replicas that share a Redis lock', async () => {
  const config = await connectedConfig();
  await fixture.provider.steer({ tokenDelayMs: 300 });
  const replica = async () => {
    const connection = await openRedis(redis.url, logger);
    connections.push(connection);
    return grantsOver(fixture.server.services.store, {}, new RedisGrantLocks(connection, 30_000, logger) as never);
  };
  const [a, b] = [await replica(), await replica()];
  const before = await refreshCount();
  const answers = await Promise.all([a.access(config), b.access(config), a.access(config), b.access(config)]);
  expect((await refreshCount()) - before).toBe(1);
  expect(new Set(answers.map((answer) => answer?.accessToken)).size).toBe(1);
});

it('refreshes grants left idle before the provider expires them, once', async () => {
  const config = await connectedConfig();
  const sixDaysOn = Date.now() + 6 * 86_400_000;
  const grants = grantsOver(fixture.server.services.store, { now: () => sixDaysOn });
  const refresher = new IdleGrantRefresher(fixture.server.services.store, grants, logger, {
    idleDays: 5,
    intervalMs: 3_600_000,
  });
  const before = await refreshCount();
  expect(await refresher.runOnce(sixDaysOn)).toBeGreaterThanOrEqual(1);
  const [stored] = await fixture.server.services.store.oauthGrants.getMany('default', [config.id]);
  expect(stored).toMatchObject({ status: 'CONNECTED', lastRefreshedAt: new Date(sixDaysOn).toISOString() });
  const afterFirst = await refreshCount();
  expect(afterFirst).toBeGreaterThan(before);
  // Fresh now: the next pass leaves it alone.
  await refresher.runOnce(sixDaysOn);
  expect(await refreshCount()).toBe(afterFirst);
  await refresher.stop();
});
