import { generateKeyPairSync } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { type HttpsPeer, json, type RecordedRequest, startHttpsPeer } from '../peers/https.peer';
import { testRunner } from '../support/test-runner';

/**
 * Salesforce, ServiceNow, Jira Cloud and Okta, each against a local HTTPS peer that answers with
 * that provider's real payloads. The peer's certificate is from the test CA, which these tests
 * trust the way an operator adds a CA.
 */
let certs: TestCertificates;
let peer: HttpsPeer;
let run: ReturnType<typeof testRunner>;
const SECRET = 'Saas-Secret-8472';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_KEY = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

beforeAll(async () => {
  certs = await makeTestCertificates();
  peer = await startHttpsPeer(certs.valid);
  run = testRunner({ trust: [certs.ca] });
});

afterAll(async () => {
  await peer.stop();
});

type Answer = (request: RecordedRequest, response: ServerResponse) => void;
const routes =
  (table: Record<string, Answer>): Answer =>
  (request, response) => {
    const path = request.url.split('?')[0];
    const route = Object.entries(table).find(([prefix]) => path.startsWith(prefix));
    if (route) return route[1](request, response);
    json(response, 404, { error: 'no route' });
  };

describe('Salesforce', () => {
  const token = (_request: RecordedRequest, response: ServerResponse) =>
    json(response, 200, {
      access_token: '00Dxx!token',
      instance_url: peer.url,
      id: `${peer.url}/id/00D/005`,
      token_type: 'Bearer',
      issued_at: '1',
      signature: 's',
    });
  const describeObject: Answer = (_request, response) =>
    json(response, 200, { objectDescribe: { name: 'Account' } }, { 'sforce-limit-info': 'api-usage=18/5000' });
  const values = (overrides: Record<string, unknown> = {}) => ({
    loginUrl: peer.url,
    authMethod: 'CLIENT_CREDENTIALS',
    consumerKey: '3MVG9-key',
    consumerSecret: SECRET,
    ...overrides,
  });

  it.each([
    ['client credentials', {}],
    [
      'JWT bearer',
      { authMethod: 'JWT_BEARER', consumerSecret: undefined, username: 'int@acme.com', privateKey: PRIVATE_KEY },
    ],
    [
      'username-password with security token',
      { authMethod: 'USERNAME_PASSWORD', username: 'int@acme.com', password: SECRET, securityToken: 'tok12345' },
    ],
  ])('signs in with %s and describes the object', async (_name, overrides) => {
    peer.handle(routes({ '/services/oauth2/token': token, '/services/data/v62.0/sobjects/Account': describeObject }));
    const outcome = await run('salesforce', values(overrides));
    expect(outcome.errors).toEqual([]);
    const form = new URLSearchParams(peer.requests.find((r) => r.url === '/services/oauth2/token')?.body);
    expect(form.get('grant_type')).toMatch(/client_credentials|jwt-bearer|password/);
  });

  it.each<[string, number, object, Record<string, unknown>, object]>([
    [
      'authentication failure (username-password)',
      400,
      { error: 'invalid_grant', error_description: 'authentication failure' },
      { authMethod: 'USERNAME_PASSWORD', username: 'u@a.com', password: SECRET },
      { code: 'INVALID_CREDENTIALS', field: 'password', hint: expect.stringContaining("Summer '23") },
    ],
    [
      'an IP restriction',
      400,
      { error: 'invalid_grant', error_description: 'ip restricted' },
      {},
      { code: 'ACCESS_RULE_REJECTED' },
    ],
    [
      'an unknown consumer key',
      400,
      { error: 'invalid_client_id', error_description: 'client identifier invalid' },
      {},
      { code: 'APP_NOT_FOUND', field: 'consumerKey' },
    ],
    [
      'a wrong consumer secret',
      400,
      { error: 'invalid_client', error_description: 'invalid client credentials' },
      {},
      { code: 'INVALID_CREDENTIALS', field: 'consumerSecret' },
    ],
    [
      'client credentials on the login host',
      400,
      { error: 'invalid_grant', error_description: 'request not supported on this domain' },
      {},
      { code: 'INVALID_VALUE', field: 'loginUrl' },
    ],
    [
      'a JWT user not pre-authorized',
      400,
      { error: 'invalid_grant', error_description: "user hasn't approved this consumer" },
      {},
      { code: 'CONSENT_REQUIRED' },
    ],
  ])('classifies %s', async (_name, status, body, overrides, expected) => {
    peer.handle(routes({ '/services/oauth2/token': (_r, response) => json(response, status, body) }));
    const outcome = await run('salesforce', values(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it.each<[string, number, unknown, object]>([
    [
      'the API disabled',
      403,
      [{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }],
      { code: 'PERMISSION_DENIED', field: 'username' },
    ],
    [
      'the daily limit used up',
      403,
      [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
      { code: 'THROTTLED' },
    ],
    [
      'a token refused on the API',
      401,
      [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
      { code: 'ACCESS_RULE_REJECTED' },
    ],
    [
      'a missing object',
      404,
      [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
      { code: 'NOT_FOUND', field: 'probeObject' },
    ],
    ['a retired API version', 410, '', { code: 'NOT_FOUND', field: 'apiVersion' }],
    ['maintenance', 503, '<html>Down for maintenance</html>', { code: 'PROVIDER_UNAVAILABLE' }],
  ])('classifies an API answer with %s', async (_name, status, body, expected) => {
    peer.handle(
      routes({ '/services/oauth2/token': token, '/services/data/': (_r, response) => json(response, status, body) }),
    );
    expect((await run('salesforce', values())).errors).toEqual([
      expect.objectContaining({ hint: expect.any(String), ...expected }),
    ]);
  });

  it('reports an HTML page from the login URL', async () => {
    peer.handle(
      routes({
        '/services/oauth2/token': (_r, response) =>
          response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>'),
      }),
    );
    expect((await run('salesforce', values())).errors[0]).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      field: 'loginUrl',
    });
  });
});

describe('ServiceNow', () => {
  const table: Answer = (request, response) =>
    request.headers.authorization
      ? json(response, 200, { result: [{ sys_id: 'a1' }] })
      : json(response, 401, {
          error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
          status: 'failure',
        });
  const values = (overrides: Record<string, unknown> = {}) => ({
    instanceUrl: peer.url,
    authMethod: 'BASIC',
    username: 'admin',
    password: SECRET,
    ...overrides,
  });

  it('signs in with Basic and reads one row', async () => {
    peer.handle(routes({ '/api/now/table/incident': table }));
    expect((await run('servicenow', values())).errors).toEqual([]);
  });

  it('signs in with an OAuth password grant', async () => {
    peer.handle(
      routes({
        '/oauth_token.do': (_r, response) =>
          json(response, 200, { access_token: 'sn-token-1', token_type: 'Bearer', expires_in: 1799 }),
        '/api/now/table/incident': table,
      }),
    );
    expect(
      (await run('servicenow', values({ authMethod: 'OAUTH_PASSWORD', clientId: 'c1', clientSecret: SECRET }))).errors,
    ).toEqual([]);
  });

  it.each<[string, Answer, Record<string, unknown>, object]>([
    [
      'a wrong password',
      (_r, res) =>
        json(
          res,
          401,
          {
            error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
            status: 'failure',
          },
          { 'www-authenticate': 'Basic realm="Service-now"' },
        ),
      {},
      { code: 'INVALID_CREDENTIALS', field: 'password' },
    ],
    [
      'an ACL on the table',
      (_r, res) =>
        json(res, 403, {
          error: {
            message: 'Insufficient rights to query records',
            detail: 'Field(s) present in the query do not have permission to be read',
          },
          status: 'failure',
        }),
      {},
      { code: 'PERMISSION_DENIED', field: 'probeTable' },
    ],
    [
      'a table typo',
      (_r, res) => json(res, 400, { error: { message: 'Invalid table incdent', detail: null }, status: 'failure' }),
      { probeTable: 'incdent' },
      { code: 'NOT_FOUND', field: 'probeTable' },
    ],
    [
      'a rate-limit rule',
      (_r, res) =>
        json(
          res,
          429,
          {
            error: {
              message: 'Rate limit exceeded',
              detail: 'Rate limit of 10 requests per hour for Table API exceeded',
            },
            status: 'failure',
          },
          { 'retry-after': '1200' },
        ),
      {},
      { code: 'THROTTLED', retryAfterSeconds: 1200 },
    ],
    [
      'a hibernating instance (HTML)',
      (_r, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Your instance is hibernating</h1>'),
      {},
      { code: 'PROVIDER_UNAVAILABLE', field: 'instanceUrl' },
    ],
    [
      'a hibernating instance (redirect)',
      (_r, res) => res.writeHead(302, { location: 'https://developer.servicenow.com/dev.do#!/home?wu=true' }).end(),
      {},
      { code: 'PROVIDER_UNAVAILABLE' },
    ],
    [
      'an SSO page',
      (_r, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in with SSO</html>'),
      {},
      { code: 'UNEXPECTED_RESPONSE' },
    ],
  ])('classifies %s', async (_name, answer, overrides, expected) => {
    peer.handle(routes({ '/api/now/table/': answer }));
    const outcome = await run('servicenow', values(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('classifies a refused OAuth sign-in, naming the client-credentials property', async () => {
    peer.handle(
      routes({
        '/oauth_token.do': (_r, res) => json(res, 401, { error_description: 'access_denied', error: 'server_error' }),
      }),
    );
    const outcome = await run(
      'servicenow',
      values({
        authMethod: 'OAUTH_CLIENT_CREDENTIALS',
        username: undefined,
        password: undefined,
        clientId: 'c1',
        clientSecret: SECRET,
      }),
    );
    expect(outcome.errors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      field: 'clientSecret',
      hint: expect.stringContaining('client.credential.grant_type'),
    });
  });
});

describe('Jira Cloud', () => {
  const values = (overrides: Record<string, unknown> = {}) => ({
    siteUrl: peer.url,
    email: 'int@acme.com',
    apiToken: SECRET,
    ...overrides,
  });

  it('reads the account and the project', async () => {
    peer.handle(
      routes({
        '/rest/api/3/myself': (_r, res) => json(res, 200, { accountId: '5b10' }),
        '/rest/api/3/project/OPS': (_r, res) => json(res, 200, { key: 'OPS' }),
      }),
    );
    expect((await run('jira-cloud', values({ projectKey: 'OPS' }), { integrationKey: 'ticket-sync' })).errors).toEqual(
      [],
    );
    expect(peer.requests.at(-2)?.headers.authorization).toBe(
      `Basic ${Buffer.from(`int@acme.com:${SECRET}`).toString('base64')}`,
    );
  });

  it.each<[string, Record<string, Answer>, Record<string, unknown>, object]>([
    [
      'a refused token',
      {
        '/rest/api/3/myself': (_r, res) =>
          json(res, 401, { errorMessages: ['Client must be authenticated to access this resource.'] }),
      },
      {},
      { code: 'INVALID_CREDENTIALS', field: 'apiToken' },
    ],
    [
      'a project it cannot see',
      {
        '/rest/api/3/myself': (_r, res) => json(res, 200, {}),
        '/rest/api/3/project/': (_r, res) =>
          json(res, 404, { errorMessages: ["No project could be found with key 'NOPE'."] }),
      },
      { projectKey: 'NOPE' },
      { code: 'NOT_FOUND', field: 'projectKey' },
    ],
    [
      'throttling',
      { '/rest/api/3/myself': (_r, res) => json(res, 429, {}, { 'retry-after': '30' }) },
      {},
      { code: 'THROTTLED', retryAfterSeconds: 30 },
    ],
  ])('classifies %s', async (_name, table, overrides, expected) => {
    peer.handle(routes(table));
    // The project key is shown by the ticket-sync integration.
    const outcome = await run('jira-cloud', values(overrides), {
      integrationKey: overrides.projectKey ? 'ticket-sync' : null,
    });
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});

describe('Okta', () => {
  const users: Answer = (_r, res) => json(res, 200, [{ id: '00u1' }]);
  const apiToken = (overrides: Record<string, unknown> = {}) => ({
    authMethod: 'API_TOKEN',
    apiToken: SECRET,
    ...overrides,
  });

  it('reads a user with an API token (SSWS)', async () => {
    peer.handle(routes({ '/api/v1/users': users }));
    expect((await run('okta', { orgUrl: peer.url, ...apiToken() })).errors).toEqual([]);
    expect(peer.requests.at(-1)?.headers.authorization).toBe(`SSWS ${SECRET}`);
  });

  it('gets a service-app token with a signed assertion, then reads a user', async () => {
    peer.handle(
      routes({
        '/oauth2/v1/token': (_r, res) => json(res, 200, { access_token: 'okta-at-1', token_type: 'Bearer' }),
        '/api/v1/users': users,
      }),
    );
    const outcome = await run('okta', {
      orgUrl: peer.url,
      authMethod: 'OAUTH_SERVICE_APP',
      clientId: '0oa1',
      privateKey: PRIVATE_KEY,
      scopes: ['okta.users.read'],
    });
    expect(outcome.errors).toEqual([]);
    const form = new URLSearchParams(peer.requests.find((r) => r.url === '/oauth2/v1/token')?.body);
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });

  it.each<[string, Record<string, Answer>, Record<string, unknown>, object]>([
    [
      'an invalid API token (E0000011)',
      {
        '/api/v1/users': (_r, res) => json(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' }),
      },
      apiToken(),
      { code: 'INVALID_CREDENTIALS', field: 'apiToken', providerCode: 'E0000011' },
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
      { code: 'PERMISSION_DENIED' },
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
      { code: 'THROTTLED', retryAfterSeconds: 60 },
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
      { code: 'INVALID_CREDENTIALS', field: 'privateKey' },
    ],
  ])('classifies %s', async (_name, table, values, expected) => {
    peer.handle(routes(table));
    const outcome = await run('okta', { orgUrl: peer.url, ...values });
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});
