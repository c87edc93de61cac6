import { json } from '../peers/https.peer';
import { type Answer, routes, SECRET, useProviderPeer } from '../support/provider-peer';

/** ServiceNow's connection test against a local HTTPS peer answering with ServiceNow's real payloads. */
const provider = useProviderPeer();

describe('ServiceNow', () => {
  const table: Answer = (request, response) =>
    request.headers.authorization
      ? json(response, 200, { result: [{ sys_id: 'a1' }] })
      : json(response, 401, {
          error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
          status: 'failure',
        });
  const values = (overrides: Record<string, unknown> = {}) => ({
    instanceUrl: provider.peer.url,
    authMethod: 'BASIC',
    username: 'admin',
    password: SECRET,
    ...overrides,
  });

  const clientCredentials = () =>
    values({
      authMethod: 'OAUTH_CLIENT_CREDENTIALS',
      username: undefined,
      password: undefined,
      clientId: 'c1',
      clientSecret: SECRET,
    });

  it('signs in with Basic and reads one row', async () => {
    provider.peer.handle(routes({ '/api/now/table/incident': table }));
    expect((await provider.run('servicenow', values())).errors).toEqual([]);
  });

  it('signs in with an OAuth password grant', async () => {
    provider.peer.handle(
      routes({
        '/oauth_token.do': (_r, response) =>
          json(response, 200, { access_token: 'sn-token-1', token_type: 'Bearer', expires_in: 1799 }),
        '/api/now/table/incident': table,
      }),
    );
    expect(
      (await provider.run('servicenow', values({ authMethod: 'OAUTH_PASSWORD', clientId: 'c1', clientSecret: SECRET })))
        .errors,
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
    provider.peer.handle(routes({ '/api/now/table/': answer }));
    const outcome = await provider.run('servicenow', values(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('reports a web page from the token endpoint on the instance URL', async () => {
    provider.peer.handle(
      routes({
        '/oauth_token.do': (_r, res) =>
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in with SSO</html>'),
      }),
    );
    const outcome = await provider.run('servicenow', clientCredentials());
    expect(outcome.errors).toEqual([expect.objectContaining({ code: 'UNEXPECTED_RESPONSE', field: 'instanceUrl' })]);
  });

  it('classifies a refused OAuth sign-in, naming the client-credentials property', async () => {
    provider.peer.handle(
      routes({
        '/oauth_token.do': (_r, res) => json(res, 401, { error_description: 'access_denied', error: 'server_error' }),
      }),
    );
    const outcome = await provider.run('servicenow', clientCredentials());
    expect(outcome.errors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      field: 'clientSecret',
      hint: expect.stringContaining('client.credential.grant_type'),
    });
  });
});
