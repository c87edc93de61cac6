import { X509Certificate } from 'node:crypto';
import { makeSelfSigned, makeTestCertificates, type Pem, type TestCertificates } from '../peers/certificates';
import { closedPort, startFakeTcpPeer } from '../peers/fake-tcp.peer';
import { type HttpsPeer, json, startHttpsPeer } from '../peers/https.peer';
import { testRunner } from '../support/test-runner';

const CANARY = 'canary+Tok/en=42';
let certs: TestCertificates;
let api: HttpsPeer;
const run = testRunner();

beforeAll(async () => {
  certs = await makeTestCertificates();
  api = await startHttpsPeer(certs.valid);
});

afterAll(async () => {
  await api.stop();
});

const rest = (values: Record<string, unknown> = {}) => ({ baseUrl: api.url, caCertificate: certs.ca, ...values });
const bearer = (values: Record<string, unknown> = {}) => rest({ authMethod: 'BEARER', bearerToken: CANARY, ...values });

describe('the REST API connection test', () => {
  it('passes on a 2xx, running and timing every step', async () => {
    api.handle((_request, response) => json(response, 200, { ok: true }));
    const outcome = await run('rest-api', bearer({ testPath: '/me' }));
    expect(outcome).toMatchObject({ ok: true, status: 'SUCCEEDED', errors: [] });
    expect(outcome.steps.map((step) => [step.kind, step.status])).toEqual([
      ['RESOLVE', 'SUCCEEDED'],
      ['CONNECT', 'SUCCEEDED'],
      ['TLS', 'SUCCEEDED'],
      ['AUTHENTICATE', 'SUCCEEDED'],
      ['AUTHORIZE', 'SUCCEEDED'],
    ]);
    const last = api.requests[api.requests.length - 1];
    expect(last).toMatchObject({ url: '/me', headers: { authorization: `Bearer ${CANARY}` } });
  });

  it.each<[string, number, Record<string, string>, object]>([
    [
      '401',
      401,
      {},
      { code: 'INVALID_CREDENTIALS', category: 'CREDENTIALS', field: 'bearerToken', section: 'GENERAL' },
    ],
    ['403', 403, {}, { code: 'PERMISSION_DENIED', category: 'PERMISSION', field: 'bearerToken' }],
    ['404', 404, {}, { code: 'NOT_FOUND', field: 'testPath', section: 'ADDITIONAL_OPTIONS' }],
    [
      '429 with Retry-After',
      429,
      { 'retry-after': '7' },
      { code: 'THROTTLED', category: 'THROTTLING', retryAfterSeconds: 7, retryable: true },
    ],
    ['500', 500, {}, { code: 'PROVIDER_UNAVAILABLE', category: 'PROVIDER', retryable: true }],
    ['503', 503, { 'retry-after': '30' }, { code: 'PROVIDER_UNAVAILABLE', retryAfterSeconds: 30 }],
    ['302', 302, { location: 'https://login.example.com/' }, { code: 'UNEXPECTED_RESPONSE', field: 'testPath' }],
  ])('classifies %s', async (_name, status, headers, expected) => {
    // The peer echoes the token back, as careless APIs do: it must not reach the result.
    api.handle((request, response) =>
      json(response, status, { error: `refused ${request.headers.authorization}` }, headers),
    );
    const outcome = await run('rest-api', bearer());
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toEqual([
      expect.objectContaining({ ...expected, hint: expect.any(String), providerCode: `HTTP ${status}` }),
    ]);
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
  });

  it('accepts the expected status when one is set', async () => {
    api.handle((_request, response) => json(response, 204, {}));
    expect((await run('rest-api', bearer({ expectedStatus: 204 }))).ok).toBe(true);
    expect((await run('rest-api', bearer({ expectedStatus: 200 }))).errors[0]).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      field: 'expectedStatus',
    });
  });

  it('sends secret headers, and scrubs their values from what the server says back', async () => {
    const secret = 'Secret-Header-Value-8812';
    api.handle((request, response) =>
      json(response, 401, { message: `token ${request.headers['x-api-key']} refused` }),
    );
    const outcome = await run(
      'rest-api',
      rest({
        authMethod: 'NONE',
        secretHeaders: [{ name: 'X-API-Key', value: secret }],
        customHeaders: [{ name: 'X-Trace', value: 'on' }],
      }),
    );
    expect(api.requests.at(-1)?.headers).toMatchObject({ 'x-api-key': secret, 'x-trace': 'on' });
    expect(outcome.errors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      providerMessage: expect.stringContaining('[redacted]'),
    });
    expect(JSON.stringify(outcome)).not.toContain(secret);
  });

  it('signs in with Basic, API key header, and API key query', async () => {
    api.handle((_request, response) => json(response, 200, {}));
    await run('rest-api', rest({ authMethod: 'BASIC', username: 'svc', password: CANARY }));
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from(`svc:${CANARY}`).toString('base64')}`);
    await run('rest-api', rest({ authMethod: 'API_KEY_HEADER', apiKeyHeaderName: 'X-Api-Key', apiKey: CANARY }));
    expect(api.requests.at(-1)?.headers['x-api-key']).toBe(CANARY);
    await run(
      'rest-api',
      rest({
        authMethod: 'API_KEY_QUERY',
        apiKeyQueryParameter: 'key',
        apiKey: CANARY,
        customHeaders: [{ name: 'X-Tenant', value: 'acme' }],
      }),
    );
    expect(api.requests.at(-1)?.url).toBe(`/?key=${encodeURIComponent(CANARY)}`);
    expect(api.requests.at(-1)?.headers['x-tenant']).toBe('acme');
  });

  describe('OAuth 2.0 client credentials', () => {
    const oauth = (values: Record<string, unknown> = {}) =>
      rest({
        authMethod: 'OAUTH2_CLIENT_CREDENTIALS',
        tokenUrl: `${api.url}/oauth/token`,
        clientId: 'app:1',
        clientSecret: CANARY,
        scopes: 'read',
        ...values,
      });

    it('gets a token with form-encoded Basic client authentication, then probes with it', async () => {
      api.handle((request, response) => {
        if (request.url === '/oauth/token')
          return json(response, 200, { access_token: 'tok-123456', token_type: 'Bearer' });
        json(response, request.headers.authorization === 'Bearer tok-123456' ? 200 : 401, {});
      });
      const outcome = await run('rest-api', oauth());
      expect(outcome.ok).toBe(true);
      expect(outcome.steps.map((s) => s.kind)).toEqual(['RESOLVE', 'CONNECT', 'TLS', 'AUTHENTICATE', 'AUTHORIZE']);
      const tokenRequest = api.requests.find((r) => r.url === '/oauth/token');
      const basic = Buffer.from(String(tokenRequest?.headers.authorization).slice(6), 'base64').toString();
      expect(basic).toBe(`${encodeURIComponent('app:1')}:${encodeURIComponent(CANARY)}`);
      expect(new URLSearchParams(tokenRequest?.body)).toEqual(
        new URLSearchParams({ grant_type: 'client_credentials', scope: 'read' }),
      );
    });

    it.each<[string, number, object, object]>([
      [
        'invalid_client',
        401,
        { error: 'invalid_client', error_description: `bad secret ${CANARY}` },
        { code: 'INVALID_CREDENTIALS', field: 'clientSecret', providerCode: 'invalid_client' },
      ],
      ['invalid_scope', 400, { error: 'invalid_scope' }, { code: 'INVALID_VALUE', field: 'scopes' }],
      ['unauthorized_client', 400, { error: 'unauthorized_client' }, { code: 'PROVIDER_ERROR', field: 'clientId' }],
      ['a 429', 429, {}, { code: 'THROTTLED' }],
    ])('classifies %s from the token URL', async (_name, status, body, expected) => {
      api.handle((_request, response) => json(response, status, body));
      const outcome = await run('rest-api', oauth());
      expect(outcome.errors).toEqual([expect.objectContaining(expected)]);
      expect(outcome.errors[0].step).toBe('AUTHENTICATE');
      expect(JSON.stringify(outcome)).not.toContain(CANARY);
    });

    it.each<[string, (response: import('node:http').ServerResponse) => void, string]>([
      [
        'a web page',
        (response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>'),
        'page',
      ],
      ['JSON without a token', (response) => json(response, 200, { token_type: 'Bearer' }), 'without an access token'],
    ])('reports %s from the token URL on that field', async (_name, answer, said) => {
      api.handle((_request, response) => answer(response));
      const outcome = await run('rest-api', oauth());
      expect(outcome.errors).toEqual([
        expect.objectContaining({
          code: 'UNEXPECTED_RESPONSE',
          field: 'tokenUrl',
          message: expect.stringContaining(said),
        }),
      ]);
    });

    it('sends the client in the body when asked', async () => {
      api.handle((request, response) =>
        json(response, 200, request.url === '/oauth/token' ? { access_token: 'tok-abcdef' } : {}),
      );
      await run('rest-api', oauth({ clientAuthentication: 'BODY' }));
      const tokenRequest = api.requests.filter((r) => r.url === '/oauth/token').at(-1);
      expect(tokenRequest?.headers.authorization).toBeUndefined();
      expect(new URLSearchParams(tokenRequest?.body).get('client_secret')).toBe(CANARY);
    });
  });

  it('refuses a web page where the API should answer (a web app or a sign-in page answers 200)', async () => {
    api.handle((_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Sign in</title>'),
    );
    const outcome = await run('rest-api', bearer({ testPath: '/login' }));
    expect(outcome.errors).toEqual([
      expect.objectContaining({ code: 'UNEXPECTED_RESPONSE', field: 'testPath', step: 'AUTHORIZE' }),
    ]);
  });

  it('says to use https:// when plain HTTP reaches a TLS port (the web server answers 400)', async () => {
    const nginx = await startFakeTcpPeer((socket) =>
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><center>The plain HTTP request was sent to HTTPS port</center></html>',
        ),
      ),
    );
    try {
      const outcome = await run('rest-api', { baseUrl: `http://127.0.0.1:${nginx.port}` });
      expect(outcome.errors).toEqual([
        expect.objectContaining({ code: 'TLS_REQUIRED', field: 'baseUrl', hint: 'Change the URL to https://.' }),
      ]);
      // A TLS server that just hangs up on plain text says the same.
      const nodeHttps = await run('rest-api', { baseUrl: api.url.replace('https:', 'http:') });
      expect(nodeHttps.errors).toEqual([expect.objectContaining({ code: 'TLS_REQUIRED', field: 'baseUrl' })]);
    } finally {
      await nginx.stop();
    }
  });

  describe('TLS', () => {
    let peers: HttpsPeer[] = [];
    afterAll(async () => {
      await Promise.all(peers.map((peer) => peer.stop()));
      peers = [];
    });

    it.each<[string, keyof TestCertificates, boolean, string, string]>([
      ['a self-signed certificate', 'selfSigned', false, 'TLS_SELF_SIGNED', 'caCertificate'],
      ['an unknown CA', 'valid', false, 'TLS_UNKNOWN_CA', 'caCertificate'],
      ['an expired certificate', 'expired', true, 'TLS_EXPIRED', 'baseUrl'],
      ['a certificate for another name', 'wrongHost', true, 'TLS_HOSTNAME_MISMATCH', 'baseUrl'],
    ])(
      'refuses %s at the TLS step, on the field to change, with what was presented',
      async (_name, certificate, trustCa, code, field) => {
        const peer = await startHttpsPeer(certs[certificate] as never);
        peers.push(peer);
        const outcome = await run('rest-api', { baseUrl: peer.url, caCertificate: trustCa ? certs.ca : undefined });
        expect(outcome.errors).toEqual([
          expect.objectContaining({ code, category: 'TLS', field, step: 'TLS', hint: expect.any(String) }),
        ]);
        const presented = new X509Certificate((certs[certificate] as Pem).cert);
        expect(outcome.errors[0].presentedCertificate).toMatchObject({
          subject: presented.subject,
          fingerprintSha256: presented.fingerprint256,
          validTo: new Date(presented.validTo).toISOString(),
        });
      },
    );

    it('offers the certificate itself as the CA to trust when it is self-signed, and passes once it is pasted', async () => {
      const peer = await startHttpsPeer(certs.selfSigned);
      peers.push(peer);
      const refused = await run('rest-api', { baseUrl: peer.url });
      const offered = refused.errors[0].presentedCertificate?.caCertificatePem;
      expect(offered && new X509Certificate(offered).fingerprint256).toBe(
        new X509Certificate(certs.selfSigned.cert).fingerprint256,
      );
      expect((await run('rest-api', { baseUrl: peer.url, caCertificate: offered })).ok).toBe(true);
    });

    it('scrubs the presented certificate too: a server may echo a submitted secret in its names', async () => {
      const echoing = await startHttpsPeer(await makeSelfSigned(['localhost', CANARY.toLowerCase()]));
      peers.push(echoing);
      const outcome = await run(
        'rest-api',
        bearer({ baseUrl: echoing.url, caCertificate: undefined, bearerToken: CANARY.toLowerCase() }),
      );
      expect(outcome.errors[0]).toMatchObject({ code: 'TLS_SELF_SIGNED', presentedCertificate: expect.any(Object) });
      expect(JSON.stringify(outcome.errors[0].presentedCertificate?.subjectAltNames)).toContain('[redacted]');
      expect(JSON.stringify(outcome)).not.toContain(CANARY.toLowerCase());
    });

    it('offers no CA when the server sent only its own certificate', async () => {
      const peer = await startHttpsPeer(certs.valid);
      peers.push(peer);
      const outcome = await run('rest-api', { baseUrl: peer.url });
      expect(outcome.errors[0]).toMatchObject({ code: 'TLS_UNKNOWN_CA', field: 'caCertificate' });
      expect(outcome.errors[0].presentedCertificate?.issuer).toBe('CN=Plugboard Test CA');
      expect(outcome.errors[0].presentedCertificate?.caCertificatePem).toBeUndefined();
    });
  });

  describe('the network', () => {
    it('reports a refused port at the CONNECT step', async () => {
      const outcome = await run('rest-api', { baseUrl: `https://localhost:${await closedPort()}` });
      expect(outcome.errors[0]).toMatchObject({ code: 'CONNECTION_REFUSED', field: 'baseUrl' });
      expect(outcome.errors[0].step).toBe('CONNECT');
    });

    it('reports a name that does not resolve', async () => {
      const outcome = await run('rest-api', { baseUrl: 'https://no-such-host.invalid' });
      expect(outcome.errors[0]).toMatchObject({ code: 'DNS_NOT_FOUND', field: 'baseUrl', category: 'NETWORK' });
    });

    it('says which step a silent server timed out in', async () => {
      const silent = await startFakeTcpPeer('silent');
      try {
        const outcome = await run('rest-api', { baseUrl: `https://localhost:${silent.port}` });
        expect(outcome.errors[0]).toMatchObject({
          code: 'TIMEOUT',
          field: 'baseUrl',
          message: 'No answer within 2 s while negotiating TLS.',
        });
        expect(outcome.errors[0].step).toBe('TLS');
      } finally {
        await silent.stop();
      }
    });

    it('refuses loopback without the operator allowlist, before any connection', async () => {
      const guarded = testRunner({ allow: [] });
      const before = api.connections();
      const outcome = await guarded('rest-api', rest());
      expect(outcome.errors[0]).toMatchObject({
        code: 'DESTINATION_NOT_ALLOWED',
        field: 'baseUrl',
        hint: expect.stringContaining('relay'),
      });
      expect(api.connections()).toBe(before);
    });
  });

  describe('before anything is sent', () => {
    it('refuses on a locked field that was not re-entered, touching no network', async () => {
      const before = api.connections();
      const outcome = await run('rest-api', rest({ authMethod: 'BEARER' }));
      expect(outcome).toMatchObject({ ok: false, status: 'REFUSED', steps: [] });
      expect(outcome.errors).toEqual([
        expect.objectContaining({
          code: 'LOCKED_FIELD_NOT_REENTERED',
          field: 'bearerToken',
          message: 'This locked field must be re-entered to test: saved values are not used.',
        }),
      ]);
      expect(api.connections()).toBe(before);
    });

    it('refuses an optional locked field saved on the config but not re-entered', async () => {
      const outcome = await run(
        'rest-api',
        rest({ authMethod: 'OAUTH2_CLIENT_CREDENTIALS', tokenUrl: `${api.url}/t`, clientId: 'a' }),
        {
          savedLockedFields: new Set(['clientSecret']),
        },
      );
      expect(outcome.errors.map((e) => [e.code, e.field])).toEqual([['LOCKED_FIELD_NOT_REENTERED', 'clientSecret']]);
    });

    it('validates first, with the same rules as saving', async () => {
      const outcome = await run('rest-api', { baseUrl: 'ftp://x', testPath: 'no-slash', bogus: 1 });
      expect(outcome.status).toBe('REFUSED');
      expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(
        expect.arrayContaining([
          ['INVALID_VALUE', 'bogus'],
          ['INVALID_VALUE', 'baseUrl'],
          ['INVALID_VALUE', 'testPath'],
        ]),
      );
    });

    it('refuses a URL with an IPv6 zone, which no HTTP client can fetch, as a field error', async () => {
      const outcome = await run('rest-api', { baseUrl: 'http://[fe80::1%25lo]/', authMethod: 'NONE' });
      expect(outcome.status).toBe('REFUSED');
      expect(outcome.errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: 'baseUrl' })]);
    });

    it('limits concurrent tests per credential, answering with retry-after', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      api.handle((_request, response) => {
        gate.then(() => json(response, 200, {}));
      });
      const limited = testRunner({ limits: { perTenant: 10, perCredential: 2 } });
      const running = [limited('rest-api', bearer()), limited('rest-api', bearer())];
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = await limited('rest-api', bearer());
      expect(third.errors[0]).toMatchObject({ code: 'TEST_RATE_LIMITED', retryAfterSeconds: 5, retryable: true });
      release();
      expect((await Promise.all(running)).every((outcome) => outcome.ok)).toBe(true);
    });
  });
});
