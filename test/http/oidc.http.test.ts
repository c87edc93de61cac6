import { ConnectorConfigsDocument } from '../../codegen/generated/graphql';
import { type JwksPeer, newSigningKey, type SigningKey, signToken, startJwksPeer } from '../peers/jwks.peer';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const AUDIENCE = 'plugboard-ui';
let jwks: JwksPeer;
let server: TestServer;
let first: SigningKey;

beforeAll(async () => {
  first = await newSigningKey('key-1');
  jwks = await startJwksPeer([first]);
  server = await startTestServer({
    PLUGBOARD_OIDC_ISSUER: jwks.issuer,
    PLUGBOARD_OIDC_AUDIENCE: AUDIENCE,
    PLUGBOARD_OIDC_JWKS_URL: jwks.jwksUrl,
    PLUGBOARD_OIDC_JWKS_COOLDOWN_MS: '0',
  });
});

afterAll(async () => {
  await server.stop();
  await jwks.stop();
});

const claims = { plugboard_tenant: 'default', plugboard_role: 'editor' };
const token = (
  key: SigningKey,
  overrides: { claims?: Record<string, unknown>; audience?: string; issuer?: string; expiresIn?: string } = {},
) =>
  signToken(key, overrides.claims ?? claims, {
    issuer: overrides.issuer ?? jwks.issuer,
    audience: overrides.audience ?? AUDIENCE,
    expiresIn: overrides.expiresIn,
  });
const list = (credential: string) => execute(server.url, ConnectorConfigsDocument, {}, bearer(credential));

describe('UI sign-in with OIDC tokens', () => {
  it('accepts a valid token and maps its claims to tenant and role', async () => {
    const result = await list(await token(first));
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });

  it.each<[string, () => Promise<string>, string]>([
    ['an expired token', async () => token(first, { expiresIn: '-1m' }), 'expired'],
    ['a token for another audience', async () => token(first, { audience: 'someone-else' }), 'aud'],
    ['a token from another issuer', async () => token(first, { issuer: 'https://evil.example/' }), 'iss'],
    ['a token signed with an unknown key', async () => token(await newSigningKey('stranger')), 'does not publish'],
    [
      'an unsigned token (alg none)',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, iss: jwks.issuer, aud: AUDIENCE, exp: now + 300 })}.`;
      },
      'not a valid signed',
    ],
    ['a token without a tenant', async () => token(first, { claims: { plugboard_role: 'admin' } }), 'plugboard_tenant'],
    [
      'a token for the platform tenant',
      async () => token(first, { claims: { plugboard_tenant: 'plugboard-platform', plugboard_role: 'admin' } }),
      'names the platform',
    ],
    [
      'a token with a machine role',
      async () => token(first, { claims: { plugboard_tenant: 'default', plugboard_role: 'runtime' } }),
      'ADMIN, EDITOR or VIEWER',
    ],
  ])('refuses %s with 401', async (_name, make, reason) => {
    const result = await list(await make());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(result.errors?.[0].message).toContain(reason);
  });

  it('follows key rotation: a token from a newly published key works once the key set is refetched', async () => {
    const second = await newSigningKey('key-2');
    jwks.publish([first, second]);
    const before = jwks.fetches();
    expect((await list(await token(second))).status).toBe(200);
    expect(jwks.fetches()).toBeGreaterThan(before);
    // Cached: a second request with a known key does not fetch again.
    const cached = jwks.fetches();
    await list(await token(second));
    expect(jwks.fetches()).toBe(cached);
  });

  it('keeps API keys working beside OIDC', async () => {
    expect((await list(server.adminKey)).status).toBe(200);
  });
});
