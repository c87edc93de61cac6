import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key.format';
import { type OtlpReceiver, startOtlpReceiver } from '../peers/otlp-receiver.peer';
import { startServerProcess } from '../support/server-process';

/**
 * OpenTelemetry end to end: the server process exports its spans over OTLP/HTTP to a receiver,
 * joined to the caller's W3C trace; spans for the request, the GraphQL operation, store calls,
 * the connection test and each of its steps; and no secret in anything exported.
 */
const CANARY = 'canary-Trace-Secret-5521';
let receiver: OtlpReceiver;
let dataDir: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  dataDir = mkdtempSync(join(tmpdir(), 'plugboard-tracing-'));
});

afterAll(async () => {
  await receiver.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function spansOfTrace(traceId: string, names: RegExp[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spans = receiver.spans.filter((span) => span.traceId === traceId);
    if (names.every((name) => spans.some((span) => name.test(span.name))) || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('exports spans for the request, the GraphQL operation, store calls and each connection-test step', async () => {
  const adminKey = generateApiKey('default').key;
  const { child, url } = await startServerProcess({
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_BOOTSTRAP_ADMIN_KEY: adminKey,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_BSP_SCHEDULE_DELAY: '100',
  });
  try {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${adminKey}`,
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify({
        query:
          'mutation T($input: TestConnectionInput!) { testConnection(input: $input) { status steps { kind status } errors { code } } }',
        variables: {
          input: {
            connectorType: 'rest-api',
            values: { baseUrl: 'https://127.0.0.1:1', authMethod: 'BEARER', bearerToken: CANARY },
          },
        },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('traceresponse')).toMatch(new RegExp(`^00-${traceId}-`));
    const names = [
      /^POST \/graphql$/,
      /^graphql mutation /,
      /^store /,
      /^connection_test rest-api$/,
      /^connection_test\.step RESOLVE$/,
    ];
    const spans = await spansOfTrace(traceId, names);
    for (const name of names)
      expect({ name: String(name), found: spans.some((span) => name.test(span.name)) }).toEqual({
        name: String(name),
        found: true,
      });
    // Nested: the server span is the caller's child; the step is the test's child.
    const server = spans.find((span) => span.name === 'POST /graphql');
    expect(server?.parentSpanId).toBe('b7ad6b7169203331');
    const test = spans.find((span) => span.name === 'connection_test rest-api');
    const step = spans.find((span) => span.name === 'connection_test.step RESOLVE');
    expect(step?.parentSpanId).toBe(test?.spanId);
    expect(step?.attributes['plugboard.error.code']).toBe('DESTINATION_NOT_ALLOWED');
    expect(receiver.bodies.join('\n')).not.toContain(CANARY);
    expect(receiver.bodies.join('\n')).not.toContain(adminKey);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}, 60_000);
