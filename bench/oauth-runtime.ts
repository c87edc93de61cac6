import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiKey } from '../src/auth/api-key.format';
import { makeTestCertificates } from '../test/peers/certificates';
import {
  OAUTH_CLIENT_ID,
  OAUTH_CLIENT_SECRET,
  type OAuthServerPeer,
  startOAuthServerPeer,
} from '../test/peers/oauth-server.peer';
import { startPlugboard } from './bench-process';
import { measure, summarise } from './measure';
import type { Target } from './scenarios';

const MAIN = join(__dirname, '../src/main.js');

const graphql = async (target: Target, query: string, variables: Record<string, unknown>) => {
  const answer = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await answer.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
};

const RUNTIME_READ = 'query R($id: ID!) { connectorRuntimeConfig(id: $id) { id values oauth { status accessToken } } }';

/** Saves a REST API config; with `consent`, connects it through the provider's consent screen. */
async function savedConfig(admin: Target, provider: OAuthServerPeer, consent: boolean): Promise<string> {
  const values = consent
    ? {
        baseUrl: `${provider.origin}/api`,
        authMethod: 'AUTHORIZATION_CODE',
        authorizeUrl: `${provider.origin}/authorize`,
        tokenUrl: `${provider.origin}/token`,
        clientId: OAUTH_CLIENT_ID,
        clientSecret: OAUTH_CLIENT_SECRET,
        scopes: 'openid offline_access',
      }
    : { baseUrl: `${provider.origin}/api`, authMethod: 'BEARER', bearerToken: 'bench-bearer-token' };
  const created = await graphql(
    admin,
    'mutation C($input: CreateConnectorConfigInput!) { createConnectorConfig(input: $input) { config { id } errors { field message } } }',
    { input: { name: consent ? 'consented' : 'bearer', connectorType: 'rest-api', values } },
  );
  const id = (created.createConnectorConfig.config as { id: string }).id;
  if (!consent) return id;
  const started = await graphql(
    admin,
    'mutation S($input: StartOAuthAuthorizationInput!) { startOAuthAuthorization(input: $input) { authorizationUrl } }',
    { input: { configId: id } },
  );
  const back = await provider.consent(started.startOAuthAuthorization.authorizationUrl as string);
  const answer = await fetch(back);
  if (answer.status !== 200) throw new Error(`the consent did not connect: ${answer.status}`);
  return id;
}

/**
 * Runtime reads of a config connected through consent, against a real authorization server
 * with rotation: with a valid token (no refresh), and while the one-second token is renewed
 * every half second under load; each beside the runtime read of a config signed in with a
 * saved bearer token, in the same server. Then one read that must refresh, against one that
 * must not, one at a time.
 */
export async function oauthRuntimeScenario(options: { rounds: number; seconds: number }, dataDir: string) {
  const certs = await makeTestCertificates();
  const caFile = join(dataDir, 'oauth-ca.pem');
  writeFileSync(caFile, certs.ca);
  const adminKey = generateApiKey('default').key;
  const server = await startPlugboard(MAIN, join(dataDir, 'oauth'), adminKey, {
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32',
    PLUGBOARD_EXTRA_CA_FILE: caFile,
  });
  const provider = await startOAuthServerPeer({
    style: 'generic',
    tls: certs.valid,
    ca: certs.ca,
    redirectUris: [`${server.url}/oauth/callback`],
    clientAuthMethod: 'client_secret_basic',
  });
  try {
    const admin: Target = { url: server.url, headers: { authorization: `Bearer ${adminKey}` } };
    const runtimeKey = (
      await graphql(admin, 'mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', {
        input: { name: 'runtime', role: 'RUNTIME' },
      })
    ).createApiKey.key as string;
    const runtime: Target = { url: server.url, headers: { authorization: `Bearer ${runtimeKey}` } };
    const bearerId = await savedConfig(admin, provider, false);
    const body = (id: string) => JSON.stringify({ query: RUNTIME_READ, variables: { id } });
    const rate = async (id: string) => {
      const samples = [];
      for (let round = 0; round < options.rounds; round += 1)
        samples.push(await measure(runtime, body(id), options.seconds));
      return summarise(samples);
    };
    const refreshes = async () =>
      (await provider.state()).tokenRequests.filter((request) => request.grantType === 'refresh_token').length;

    await provider.steer({ accessTokenTtl: 3600 });
    const validId = await savedConfig(admin, provider, true);
    await measure(runtime, body(validId), 2);
    const bearer = await rate(bearerId);
    const valid = await rate(validId);

    await provider.steer({ accessTokenTtl: 1 });
    const rotatingId = await savedConfig(admin, provider, true);
    const before = await refreshes();
    const started = Date.now();
    const rotating = await rate(rotatingId);
    const refreshed = (await refreshes()) - before;
    const elapsedSeconds = (Date.now() - started) / 1000;

    // One at a time: a read that must refresh (the token is past half its one-second life) and one that need not.
    const single = async (id: string, wait: number) => {
      const samples: number[] = [];
      for (let run = 0; run < 15; run += 1) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        const begun = process.hrtime.bigint();
        await graphql(runtime, RUNTIME_READ, { id });
        samples.push(Number(process.hrtime.bigint() - begun) / 1e6);
      }
      return samples.sort((a, b) => a - b)[7];
    };
    const withRefresh = await single(rotatingId, 600);
    const withoutRefresh = await single(validId, 0);

    const row = (m: { requestsPerSecond: number; p99Ms: number; errors: number }) => ({
      'req/s': Math.round(m.requestsPerSecond),
      'p99 ms': m.p99Ms,
      errors: m.errors,
      'ratio to bearer': Math.round((m.requestsPerSecond / bearer.requestsPerSecond) * 100) / 100,
    });
    console.log('\nScenario: runtime reads of an OAuth grant (authorization code, rotation on, a real oidc-provider)');
    console.table({
      'saved bearer token (baseline)': row(bearer),
      'consented grant, valid token': row(valid),
      'consented grant, 1 s tokens renewed under load': row(rotating),
    });
    console.log(
      `under load the grant was refreshed ${refreshed} times in ${Math.round(elapsedSeconds)} s (${(refreshed / elapsedSeconds).toFixed(1)}/s: one refresh per due token, however many reads wait on it)`,
    );
    console.log(
      `one read at a time (median of 15): ${withRefresh.toFixed(1)} ms with a refresh, ${withoutRefresh.toFixed(1)} ms without (${(withRefresh / withoutRefresh).toFixed(1)}×)`,
    );
  } finally {
    await provider.stop();
    await server.stop();
  }
}
