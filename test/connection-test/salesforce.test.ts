import type { ServerResponse } from 'node:http';
import { json, type RecordedRequest } from '../peers/https.peer';
import { type Answer, PRIVATE_KEY, routes, SECRET, useProviderPeer } from '../support/provider-peer';

/** Salesforce's connection test against a local HTTPS peer answering with Salesforce's real payloads. */
const provider = useProviderPeer();

describe('Salesforce', () => {
  const token = (_request: RecordedRequest, response: ServerResponse) =>
    json(response, 200, {
      access_token: '00Dxx!token',
      instance_url: provider.peer.url,
      id: `${provider.peer.url}/id/00D/005`,
      token_type: 'Bearer',
      issued_at: '1',
      signature: 's',
    });
  const describeObject: Answer = (_request, response) =>
    json(response, 200, { objectDescribe: { name: 'Account' } }, { 'sforce-limit-info': 'api-usage=18/5000' });
  const values = (overrides: Record<string, unknown> = {}) => ({
    loginUrl: provider.peer.url,
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
    provider.peer.handle(
      routes({ '/services/oauth2/token': token, '/services/data/v62.0/sobjects/Account': describeObject }),
    );
    const outcome = await provider.run('salesforce', values(overrides));
    expect(outcome.errors).toEqual([]);
    const form = new URLSearchParams(provider.peer.requests.find((r) => r.url === '/services/oauth2/token')?.body);
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
    provider.peer.handle(routes({ '/services/oauth2/token': (_r, response) => json(response, status, body) }));
    const outcome = await provider.run('salesforce', values(overrides));
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it.each<[string, number, unknown, object]>([
    [
      'the API disabled',
      403,
      [{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }],
      // Client credentials show no username: the app (its Run As user) is what to change.
      { code: 'PERMISSION_DENIED', field: 'consumerKey', step: 'AUTHORIZE' },
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
    provider.peer.handle(
      routes({ '/services/oauth2/token': token, '/services/data/': (_r, response) => json(response, status, body) }),
    );
    expect((await provider.run('salesforce', values())).errors).toEqual([
      expect.objectContaining({ hint: expect.any(String), ...expected }),
    ]);
  });

  it('reports an HTML page from the login URL', async () => {
    provider.peer.handle(
      routes({
        '/services/oauth2/token': (_r, response) =>
          response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>'),
      }),
    );
    expect((await provider.run('salesforce', values())).errors[0]).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      field: 'loginUrl',
    });
  });
});
