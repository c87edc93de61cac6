import { ConnectorTypesDocument, TestConnectionDocument } from '../../codegen/generated/graphql';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const CANARY = 'canary-Metrics-Secret-31';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ PLUGBOARD_CORS_ORIGINS: 'https://ui.example.com' });
});

afterAll(async () => {
  await server.stop();
});

describe('operability endpoints', () => {
  it('exposes Prometheus metrics for HTTP, GraphQL, connection tests, the store and relays, without secrets', async () => {
    await execute(server.url, ConnectorTypesDocument, {});
    await execute(
      server.url,
      TestConnectionDocument,
      {
        input: {
          connectorType: 'rest-api',
          values: { baseUrl: 'https://127.0.0.1:1', authMethod: 'BEARER', bearerToken: CANARY },
        },
      },
      bearer(server.adminKey),
    );
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('plugboard_graphql_operations_total{operation="ConnectorTypes",outcome="ok"} 1');
    expect(text).toContain('plugboard_http_requests_total{route="/graphql",method="POST",status="200"}');
    expect(text).toContain(
      'plugboard_connection_tests_total{connector="rest-api",status="FAILED",code="DESTINATION_NOT_ALLOWED",via="DIRECT"} 1',
    );
    expect(text).toMatch(/plugboard_store_calls_total\{operation="apiKeys.get"\} \d+/);
    expect(text).toContain('plugboard_relay_agents_connected 0');
    expect(text).toContain('plugboard_graphql_operation_duration_seconds_bucket');
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(server.adminKey);
    // prom-client's process and Node metrics too.
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('logs one line per request, with the request id and trace the caller sent, the tenant and the operation', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'gateway-req-7731',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        ...bearer(server.adminKey),
      },
      body: JSON.stringify({ query: '{ connectorConfigs(first: 1) { edges { node { id } } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('gateway-req-7731');
    expect(response.headers.get('traceresponse')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const lines = server
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = lines.filter((line) => line.msg === 'request' && line.requestId === 'gateway-req-7731');
    expect(access).toEqual([
      expect.objectContaining({
        method: 'POST',
        route: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        traceId,
        tenantId: 'default',
        // An unnamed document: named ones from the manifest are logged by name.
        operation: 'anonymous',
      }),
    ]);
  });

  it('makes its own ids when the caller sends none, or ids it should not trust', async () => {
    const response = await fetch(`${server.url}/healthz`, {
      headers: {
        'x-request-id': '<script>alert(1)</script>',
        traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('traceresponse')).toMatch(/^00-(?!0{32})[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });

  it('labels operations only by the names of known documents, so callers cannot create series', async () => {
    for (let index = 0; index < 20; index += 1) {
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query Invented${index} { __typename }`, operationName: `Invented${index}` }),
      });
    }
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).not.toContain('Invented');
    expect(text).toMatch(/plugboard_graphql_operations_total\{operation="other",outcome="ok"\} (\d+)/);
    expect(
      Number(/plugboard_graphql_operations_total\{operation="other",outcome="ok"\} (\d+)/.exec(text)?.[1]),
    ).toBeGreaterThanOrEqual(20);
  });

  it('says ready while the store and keys work, and not ready when the store fails', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', keys: 'ok' } });

    const broken = await startTestServer();
    try {
      await broken.services.store.close();
      const response = await fetch(`${broken.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', checks: { store: 'failing', keys: 'ok' } });
      expect((await fetch(`${broken.url}/healthz`)).status).toBe(200);
    } finally {
      await broken.stop().catch(() => {});
    }
  });

  it('sends security headers and a request id on every answer', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows only the configured browser origins (CORS)', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://ui.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ui.example.com');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
