import { json } from '../peers/https.peer';
import { type Answer, routes, SECRET, useProviderPeer } from '../support/provider-peer';

/** Jira Cloud's connection test against a local HTTPS peer answering with Jira Cloud's real payloads. */
const provider = useProviderPeer();

describe('Jira Cloud', () => {
  const values = (overrides: Record<string, unknown> = {}) => ({
    siteUrl: provider.peer.url,
    email: 'int@acme.com',
    apiToken: SECRET,
    ...overrides,
  });

  it('reads the account and the project', async () => {
    provider.peer.handle(
      routes({
        '/rest/api/3/myself': (_r, res) => json(res, 200, { accountId: '5b10' }),
        '/rest/api/3/project/OPS': (_r, res) => json(res, 200, { key: 'OPS' }),
      }),
    );
    expect(
      (await provider.run('jira-cloud', values({ projectKey: 'OPS' }), { integrationKey: 'ticket-sync' })).errors,
    ).toEqual([]);
    expect(provider.peer.requests.at(-2)?.headers.authorization).toBe(
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
      { code: 'INVALID_CREDENTIALS', field: 'apiToken', step: 'AUTHENTICATE' },
    ],
    [
      'a site that is not Jira Cloud',
      { '/rest/api/3/myself': (_r, res) => json(res, 404, { message: 'Not Found' }) },
      {},
      { code: 'NOT_FOUND', field: 'siteUrl', step: 'AUTHENTICATE' },
    ],
    [
      'a project the account may not browse (403)',
      {
        '/rest/api/3/myself': (_r, res) => json(res, 200, {}),
        '/rest/api/3/project/': (_r, res) =>
          json(res, 403, { errorMessages: ['You do not have permission to view this project.'] }),
      },
      { projectKey: 'OPS' },
      { code: 'PERMISSION_DENIED', field: 'apiToken', step: 'AUTHORIZE' },
    ],
    [
      'throttling as Jira sends it: X-RateLimit-Reset as a time, no Retry-After',
      {
        '/rest/api/3/myself': (_r, res) =>
          json(res, 429, {}, { 'x-ratelimit-reset': new Date(Date.now() + 120_000).toISOString() }),
      },
      {},
      { code: 'THROTTLED', step: 'AUTHENTICATE', retryAfterSeconds: expect.any(Number) },
    ],
    [
      'an outage',
      {
        '/rest/api/3/myself': (_r, res) =>
          res.writeHead(503, { 'content-type': 'text/html' }).end('<html>Maintenance</html>'),
      },
      {},
      { code: 'PROVIDER_UNAVAILABLE', step: 'AUTHENTICATE' },
    ],
    [
      'a project it cannot see',
      {
        '/rest/api/3/myself': (_r, res) => json(res, 200, {}),
        '/rest/api/3/project/': (_r, res) =>
          json(res, 404, { errorMessages: ["No project could be found with key 'NOPE'."] }),
      },
      { projectKey: 'NOPE' },
      { code: 'NOT_FOUND', field: 'projectKey', step: 'AUTHORIZE' },
    ],
    [
      'throttling',
      { '/rest/api/3/myself': (_r, res) => json(res, 429, {}, { 'retry-after': '30' }) },
      {},
      { code: 'THROTTLED', retryAfterSeconds: 30 },
    ],
  ])('classifies %s', async (_name, table, overrides, expected) => {
    provider.peer.handle(routes(table));
    // The project key is shown by the ticket-sync integration.
    const outcome = await provider.run('jira-cloud', values(overrides), {
      integrationKey: overrides.projectKey ? 'ticket-sync' : null,
    });
    expect(outcome.errors).toEqual([expect.objectContaining({ hint: expect.any(String), ...expected })]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});
