import { makeRsaAppCertificate, makeTestCertificates, type Pem, type TestCertificates } from '../peers/certificates';
import {
  aadError,
  CLIENT_ID,
  CLIENT_SECRET,
  type EntraPeer,
  graphError,
  startEntraPeer,
  TENANT,
  USER,
  USER_PASSWORD,
} from '../peers/entra-id.peer';
import { testRunner } from '../support/test-runner';

let certs: TestCertificates;
let app: Pem;
let entra: EntraPeer;
// The peer's certificate comes from the test CA, trusted the way an operator adds a CA.
const run = (values: Record<string, unknown>) => testRunner({ trust: [certs.ca] })('microsoft-graph', values);

beforeAll(async () => {
  certs = await makeTestCertificates();
  app = await makeRsaAppCertificate();
  entra = await startEntraPeer(certs.valid, app);
});

afterEach(() => {
  entra.tokenAnswer = undefined;
  entra.graphAnswer = undefined;
});

afterAll(async () => {
  await entra.stop();
});

const secret = (overrides: Record<string, unknown> = {}) => ({
  tenantId: TENANT,
  clientId: CLIENT_ID,
  authMethod: 'CLIENT_SECRET',
  clientSecret: CLIENT_SECRET,
  authorityHost: entra.url,
  graphHost: entra.url,
  ...overrides,
});

const legacyUser = () => secret({ legacyUserSignIn: true, username: USER, password: USER_PASSWORD });
const withCertificate = () =>
  secret({ authMethod: 'CERTIFICATE', clientSecret: undefined, certificate: app.cert, privateKey: app.key });

/** Codes only a user sign-in (or a certificate) can meet are tested with the values that meet them. */
const USER_SIGN_IN_CODES = [50126, 50034, 50056, 50053, 50057, 50055];
const CERTIFICATE_CODES = [700024, 700027];
const valuesMeeting = (codes: number[]) =>
  codes.some((code) => CERTIFICATE_CODES.includes(code))
    ? withCertificate()
    : codes.some((code) => USER_SIGN_IN_CODES.includes(code))
      ? legacyUser()
      : secret();

describe('the Microsoft Graph connection test, against a local identity platform and Graph', () => {
  it('signs in with a client secret and probes Graph', async () => {
    const outcome = await run(secret());
    expect(outcome.errors).toEqual([]);
    expect(outcome.steps.map((s) => s.kind)).toEqual(['RESOLVE', 'CONNECT', 'TLS', 'AUTHENTICATE', 'AUTHORIZE']);
    const probe = entra.peer.requests.at(-1);
    expect(probe?.url).toBe('/v1.0/organization?$select=id,displayName');
  });

  it('signs in with a certificate (a PS256 client assertion the peer verifies)', async () => {
    const outcome = await run(
      secret({ authMethod: 'CERTIFICATE', clientSecret: undefined, certificate: app.cert, privateKey: app.key }),
    );
    expect(outcome.errors).toEqual([]);
  });

  it('signs in as a user with the legacy password grant, and probes users when asked', async () => {
    const outcome = await run(
      secret({ legacyUserSignIn: true, username: USER, password: USER_PASSWORD, permissionProbe: 'USERS' }),
    );
    expect(outcome.errors).toEqual([]);
    expect(entra.peer.requests.at(-1)?.url).toBe('/v1.0/users?$top=1&$select=id');
  });

  it.each<[string, Record<string, unknown>, object]>([
    [
      'the secret ID pasted instead of its value (7000215)',
      { clientSecret: 'f1e2d3c4-secret-id' },
      { code: 'INVALID_CREDENTIALS', field: 'clientSecret', providerCode: 'AADSTS7000215' },
    ],
    [
      'a wrong client ID (700016)',
      { clientId: '99999999-2222-3333-4444-555555555555' },
      { code: 'APP_NOT_FOUND', field: 'clientId', providerCode: 'AADSTS700016' },
    ],
    [
      'a wrong user password (50126)',
      { legacyUserSignIn: true, username: USER, password: 'nope-nope' },
      { code: 'INVALID_CREDENTIALS', field: 'password' },
    ],
    [
      'an assertion signed by another key (700027)',
      { authMethod: 'CERTIFICATE', clientSecret: undefined, certificate: 'APP', privateKey: 'OTHER' },
      { code: 'INVALID_CREDENTIALS', field: 'certificate' },
    ],
  ])('classifies %s', async (_name, overrides, expected) => {
    let values = secret(overrides);
    if (overrides.certificate === 'APP') {
      const other = await makeRsaAppCertificate();
      values = secret({ ...overrides, certificate: app.cert, privateKey: other.key });
    }
    const outcome = await run(values);
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(JSON.stringify(outcome)).not.toContain(CLIENT_SECRET);
  });

  it.each<[string, Parameters<typeof aadError>, object]>([
    [
      'an expired secret (7000222)',
      [401, 'invalid_client', [7000222], 'The provided client secret keys for app are expired.'],
      { code: 'CREDENTIAL_EXPIRED', field: 'clientSecret' },
    ],
    [
      'an unknown tenant (90002)',
      [400, 'invalid_request', [90002], "Tenant 'contoso.onmicrosoft.com' not found."],
      { code: 'TENANT_NOT_FOUND', field: 'tenantId' },
    ],
    [
      'a malformed tenant (900023)',
      [
        400,
        'invalid_request',
        [900023],
        'Specified tenant identifier is neither a valid DNS name, nor a valid external domain.',
      ],
      { code: 'TENANT_NOT_FOUND', field: 'tenantId' },
    ],
    [
      'a stale assertion (700024)',
      [401, 'invalid_client', [700024], 'Client assertion is not within its valid time range.'],
      { code: 'CLOCK_SKEW', field: 'privateKey' },
    ],
    [
      'MFA required, as invalid_grant (50076)',
      [
        400,
        'invalid_grant',
        [50076],
        'Due to a configuration change made by your administrator, you must use multi-factor authentication.',
        { suberror: 'basic_action' },
      ],
      { code: 'MFA_REQUIRED', category: 'IDENTITY_POLICY', field: 'legacyUserSignIn' },
    ],
    [
      'MFA required, as interaction_required (50076)',
      [400, 'interaction_required', [50076], 'You must use multi-factor authentication.'],
      { code: 'MFA_REQUIRED' },
    ],
    [
      'MFA registration required (50079)',
      [400, 'interaction_required', [50079], 'The user is required to use multi-factor authentication.'],
      { code: 'MFA_REQUIRED' },
    ],
    [
      'blocked by conditional access (53003)',
      [
        400,
        'interaction_required',
        [53003],
        'Access has been blocked by Conditional Access policies.',
        { suberror: 'message_only' },
      ],
      { code: 'CONDITIONAL_ACCESS_BLOCKED' },
    ],
    [
      'blocked by security defaults (530035)',
      [400, 'invalid_grant', [530035], 'Access has been blocked by security defaults.'],
      { code: 'LEGACY_AUTH_BLOCKED' },
    ],
    [
      'a locked account (50053)',
      [400, 'invalid_grant', [50053], 'Your account is locked.'],
      { code: 'ACCOUNT_LOCKED', field: 'username' },
    ],
    [
      'a disabled account (50057)',
      [400, 'invalid_grant', [50057], 'The user account is disabled.'],
      { code: 'ACCOUNT_DISABLED' },
    ],
    [
      'an expired password (50055)',
      [
        400,
        'user_password_expired',
        [50055],
        'The password is expired.',
        { password_change_url: 'https://portal.microsoftonline.com/ChangePassword.aspx' },
      ],
      { code: 'PASSWORD_EXPIRED', field: 'password' },
    ],
    [
      'consent missing (65001)',
      [
        400,
        'invalid_grant',
        [65001],
        'The user or administrator has not consented to use the application.',
        { suberror: 'consent_required' },
      ],
      { code: 'CONSENT_REQUIRED', category: 'PERMISSION' },
    ],
    [
      'several codes, the specific one winning',
      [400, 'invalid_grant', [70002, 50126], 'Error validating credentials due to invalid username or password.'],
      { code: 'INVALID_CREDENTIALS', providerCode: 'AADSTS50126' },
    ],
    [
      'an unknown code, falling back on the OAuth error',
      [401, 'invalid_client', [99999], 'Something new.'],
      { code: 'INVALID_CREDENTIALS', field: 'clientSecret' },
    ],
  ])('classifies %s', async (_name, error, expected) => {
    entra.tokenAnswer = aadError(...error);
    const outcome = await run(valuesMeeting(error[2]));
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(outcome.errors[0].providerMessage).toContain('Trace ID: 0f1e2d3c-aaaa-bbbb-cccc-000000000001');
  });

  it('reads the code from the description when error_codes is missing', async () => {
    entra.tokenAnswer = (response) =>
      response
        .writeHead(400, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ error: 'invalid_grant', error_description: 'AADSTS50057: The user account is disabled.' }),
        );
    expect((await run(legacyUser())).errors[0]).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      providerCode: 'AADSTS50057',
    });
  });

  it.each<[string, Parameters<typeof graphError>, object]>([
    [
      'a missing application permission (403)',
      [403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
      { code: 'PERMISSION_DENIED', field: 'permissionProbe' },
    ],
    [
      'a token for another cloud (401)',
      [401, 'InvalidAuthenticationToken', 'Invalid audience.'],
      { code: 'WRONG_CLOUD', field: 'nationalCloud' },
    ],
    [
      'throttling (429)',
      [429, 'TooManyRequests', 'Too many requests', { 'retry-after': '7' }],
      { code: 'THROTTLED', retryAfterSeconds: 7 },
    ],
    [
      'an outage (503)',
      [503, 'serviceNotAvailable', 'Service unavailable'],
      { code: 'PROVIDER_UNAVAILABLE', retryable: true },
    ],
  ])('classifies a Graph probe with %s', async (_name, error, expected) => {
    entra.graphAnswer = graphError(...error);
    const outcome = await run(secret());
    expect(outcome.errors).toEqual([expect.objectContaining({ ...expected, hint: expect.any(String) })]);
    expect(outcome.errors[0].step).toBe('AUTHORIZE');
  });

  it('reports an HTML error page from a proxy as a provider outage', async () => {
    entra.tokenAnswer = (response) =>
      response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>');
    expect((await run(secret())).errors[0]).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });

  it('reports a sign-in page answering 200 where the token endpoint should be, on the authority host', async () => {
    entra.tokenAnswer = (response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>');
    expect((await run(secret())).errors).toEqual([
      expect.objectContaining({ code: 'UNEXPECTED_RESPONSE', field: 'authorityHost' }),
    ]);
  });
});
