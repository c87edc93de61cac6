import { json } from '../peers/https.peer';
import { type Answer, PRIVATE_KEY, routes, SECRET, useProviderPeer } from '../support/provider-peer';

/** Okta's connection test against a local HTTPS peer answering with Okta's real payloads. */
const provider = useProviderPeer();

/** A number within a range, for a wait computed against the clock. */
const between = (low: number, high: number) => ({
  asymmetricMatch: (value: unknown) => typeof value === 'number' && value >= low && value <= high,
  toAsymmetricMatcher: () => `a number from ${low} to ${high}`,
});

describe('Okta', () => {
  const users: Answer = (_r, res) => json(res, 200, [{ id: '00u1' }]);
  const apiToken = (overrides: Record<string, unknown> = {}) => ({
    authMethod: 'API_TOKEN',
    apiToken: SECRET,
    ...overrides,
  });

  it('reads a user with an API token (SSWS)', async () => {
    provider.peer.handle(routes({ '/api/v1/users': users }));
    expect((await provider.run('okta', { orgUrl: provider.peer.url, ...apiToken() })).errors).toEqual([]);
    expect(provider.peer.requests.at(-1)?.headers.authorization).toBe(`SSWS ${SECRET}`);
  });

  it('gets a service-app token with a signed assertion, then reads a user', async () => {
    provider.peer.handle(
      routes({
        '/oauth2/v1/token': (_r, res) => json(res, 200, { access_token: 'okta-at-1', token_type: 'Bearer' }),
        '/api/v1/users': users,
      }),
    );
    const outcome = await provider.run('okta', {
      orgUrl: provider.peer.url,
      authMethod: 'OAUTH_SERVICE_APP',
      clientId: '0oa1',
      privateKey: PRIVATE_KEY,
      scopes: ['okta.users.read'],
    });
    expect(outcome.errors).toEqual([]);
    const form = new URLSearchParams(provider.peer.requests.find((r) => r.url === '/oauth2/v1/token')?.body);
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });

  it.each<[string, Record<string, Answer>, Record<string, unknown>, object]>([
    [
      'an invalid API token (E0000011)',
      {
        '/api/v1/users': (_r, res) => json(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' }),
      },
      apiToken(),
      { code: 'INVALID_CREDENTIALS', field: 'apiToken', providerCode: 'E0000011', step: 'AUTHENTICATE' },
    ],
    [
      'missing rights (E0000006)',
      {
        '/api/v1/users': (_r, res) =>
          json(res, 403, {
            errorCode: 'E0000006',
            errorSummary: 'You do not have permission to perform the requested action',
          }),
      },
      apiToken(),
      { code: 'PERMISSION_DENIED', field: 'apiToken', step: 'AUTHORIZE' },
    ],
    [
      'an organisation URL that is not Okta (404)',
      {
        '/api/v1/users': (_r, res) =>
          json(res, 404, { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found' }),
      },
      apiToken(),
      { code: 'NOT_FOUND', field: 'orgUrl', step: 'AUTHORIZE' },
    ],
    [
      'an outage',
      {
        '/api/v1/users': (_r, res) =>
          res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'),
      },
      apiToken(),
      { code: 'PROVIDER_UNAVAILABLE', step: 'AUTHORIZE' },
    ],
    [
      'a service app without the scope granted on the probe (403)',
      {
        '/oauth2/v1/token': (_r, res) => json(res, 200, { access_token: 'okta-at-2', token_type: 'Bearer' }),
        '/api/v1/users': (_r, res) =>
          json(res, 403, {
            errorCode: 'E0000006',
            errorSummary: 'You do not have permission to perform the requested action',
          }),
      },
      { authMethod: 'OAUTH_SERVICE_APP', clientId: '0oa1', privateKey: PRIVATE_KEY },
      { code: 'PERMISSION_DENIED', field: 'scopes', step: 'AUTHORIZE' },
    ],
    [
      'an unreadable private key',
      {},
      {
        authMethod: 'OAUTH_SERVICE_APP',
        clientId: '0oa1',
        privateKey: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----',
      },
      { code: 'INVALID_VALUE', field: 'privateKey', step: 'AUTHENTICATE' },
    ],
    [
      'rate limiting (E0000047)',
      {
        '/api/v1/users': (_r, res) =>
          json(
            res,
            429,
            { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' },
            { 'retry-after': '60' },
          ),
      },
      apiToken(),
      { code: 'THROTTLED', retryAfterSeconds: 60, step: 'AUTHORIZE' },
    ],
    [
      'rate limiting as Okta sends it: X-Rate-Limit-Reset in epoch seconds, no Retry-After',
      {
        '/api/v1/users': (_r, res) =>
          json(
            res,
            429,
            { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' },
            {
              'x-rate-limit-limit': '600',
              'x-rate-limit-remaining': '0',
              'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 45),
            },
          ),
      },
      apiToken(),
      { code: 'THROTTLED', retryAfterSeconds: between(44, 46) },
    ],
    [
      'scopes not granted',
      {
        '/oauth2/v1/token': (_r, res) =>
          json(res, 400, {
            error: 'invalid_scope',
            error_description: 'The following scopes are not allowed: okta.users.manage',
          }),
      },
      {
        authMethod: 'OAUTH_SERVICE_APP',
        clientId: '0oa1',
        privateKey: PRIVATE_KEY,
        scopes: ['okta.users.manage'],
      },
      { code: 'CONSENT_REQUIRED', field: 'scopes' },
    ],
    [
      'an unregistered key',
      {
        '/oauth2/v1/token': (_r, res) =>
          json(res, 401, { error: 'invalid_client', error_description: 'The client_assertion signature is invalid.' }),
      },
      { authMethod: 'OAUTH_SERVICE_APP', clientId: '0oa1', privateKey: PRIVATE_KEY },
      { code: 'INVALID_CREDENTIALS', field: 'privateKey', step: 'AUTHENTICATE' },
    ],
    [
      'a sign-in page where the token endpoint should be',
      {
        '/oauth2/v1/token': (_r, res) =>
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>'),
      },
      { authMethod: 'OAUTH_SERVICE_APP', clientId: '0oa1', privateKey: PRIVATE_KEY },
      { code: 'UNEXPECTED_RESPONSE', field: 'orgUrl' },
    ],
  ])('classifies %s', async (_name, table, values, expected) => {
    provider.peer.handle(routes(table));
    const outcome = await provider.run('okta', { orgUrl: provider.peer.url, ...values });
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});
