import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Webhook } from 'standardwebhooks';
import { v7 as uuidv7 } from 'uuid';
import {
  CheckConfigHealthDocument,
  ConfigHealthDocument,
  CreateConnectorConfigDocument,
  CreateWebhookDocument,
  SetCredentialExpiryDocument,
  WebhookDeliveriesDocument,
} from '../../codegen/generated/graphql';
import { makeCertificateExpiringIn, makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { type HttpsPeer, json, startHttpsPeer } from '../peers/https.peer';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * Health checks with saved values against a REST API that starts failing and recovers, on a
 * one-second schedule, with a real webhook receiver verifying Standard Webhooks signatures.
 */
const CANARY = 'canary-health-bearer-7731';
const HEADER_CANARY = 'canary-health-header-4410';
let certs: TestCertificates;
let api: HttpsPeer;
let server: TestServer;
let admin: Record<string, string>;
let healthy = true;

interface Received {
  headers: Record<string, string>;
  body: string;
  verified: boolean;
}
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];
let receiverFailures = 0;
let signingSecret = '';

/** Runs a typed document as the admin; a GraphQL error fails the test. */
async function call<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) {
  const { data, errors } = await execute(server.url, document, variables, admin);
  expect(errors).toBeUndefined();
  return data as TData;
}

beforeAll(async () => {
  certs = await makeTestCertificates();
  api = await startHttpsPeer(certs.valid, (request, response) => {
    if (request.headers.authorization !== `Bearer ${CANARY}`) return json(response, 401, { error: 'bad token' });
    return healthy ? json(response, 200, { ok: true }) : json(response, 401, { error: 'token revoked' });
  });
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = request.headers as Record<string, string>;
      let verified = false;
      try {
        new Webhook(signingSecret).verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ headers, body, verified });
      if (receiverFailures > 0) {
        receiverFailures -= 1;
        response.writeHead(500).end();
        return;
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const caFile = join(tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  server = await startTestServer({
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128',
    PLUGBOARD_EXTRA_CA_FILE: caFile,
    PLUGBOARD_HEALTH_TICK_SECONDS: '1',
    PLUGBOARD_HEALTH_INTERVAL_SECONDS: '2',
    PLUGBOARD_WEBHOOK_RETRY_SECONDS: '1,1,1',
    // Every config here shares one account on one host, and the two-second schedule checks
    // them all in the background: at the default of two tests per credential, an on-demand
    // check could be refused (RATE_LIMITED) while the scheduler holds both slots.
    PLUGBOARD_TEST_LIMIT_PER_CREDENTIAL: '20',
  });
  admin = bearer(server.adminKey);
  const created = await call(CreateWebhookDocument, { input: { url: receiverUrl } });
  expect(created.createWebhook.errors).toEqual([]);
  signingSecret = created.createWebhook.signingSecret as string;
  expect(signingSecret).toMatch(/^whsec_/);
});

afterAll(async () => {
  await server?.stop();
  await api?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function saveConfig(values: Record<string, unknown>): Promise<string> {
  const data = await call(CreateConnectorConfigDocument, {
    input: { name: `health ${uuidv7().slice(-6)}`, connectorType: 'rest-api', values },
  });
  expect(data.createConnectorConfig.errors).toEqual([]);
  return data.createConnectorConfig.config?.id as string;
}

const healthOf = async (id: string) => {
  const health = (await call(ConfigHealthDocument, { id })).connectorConfig?.health;
  if (!health) throw new Error(`no health for ${id}`);
  return health;
};
const checkNow = (id: string) => call(CheckConfigHealthDocument, { id });

async function waitFor<T>(what: () => Promise<T>, until: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const eventsFor = (id: string) =>
  received.map((r) => ({ ...r, event: JSON.parse(r.body) })).filter((r) => r.event.configId === id);

it('checks with saved values on demand, then on schedule: failing with one issue, recovered, each told once', async () => {
  healthy = true;
  const id = await saveConfig({
    baseUrl: api.url,
    authMethod: 'BEARER',
    bearerToken: CANARY,
    secretHeaders: [{ name: 'X-Tenant-Key', value: HEADER_CANARY }],
  });
  expect((await healthOf(id)).status).toBe('UNKNOWN');
  const checked = await checkNow(id);
  expect(checked.checkConfigHealth?.health).toMatchObject({ status: 'HEALTHY', issues: [] });

  healthy = false;
  const failing = await waitFor(
    () => healthOf(id),
    (health) => health.status === 'FAILING',
  );
  expect(failing.issues).toEqual([
    expect.objectContaining({ code: 'INVALID_CREDENTIALS', field: 'bearerToken', resolvedAt: null }),
  ]);
  const openedAt = failing.issues[0].openedAt;
  // Still failing a few checks later: the same issue, not a new one per check.
  const later = await waitFor(
    () => healthOf(id),
    (health) => String(health.checkedAt) > String(failing.checkedAt),
  );
  expect(later.issues.filter((issue) => !issue.resolvedAt)).toEqual([
    expect.objectContaining({ code: 'INVALID_CREDENTIALS', openedAt }),
  ]);

  healthy = true;
  const recovered = await waitFor(
    () => healthOf(id),
    (health) => health.status === 'HEALTHY',
  );
  expect(recovered.issues).toEqual([
    expect.objectContaining({ code: 'INVALID_CREDENTIALS', openedAt, resolvedAt: expect.any(String) }),
  ]);

  const events = await waitFor(
    async () => eventsFor(id),
    (list) => list.some((r) => r.event.type === 'config.health.recovered'),
  );
  expect(events.map((r) => r.event.type)).toEqual(['config.health.failing', 'config.health.recovered']);
  expect(events.every((r) => r.verified)).toBe(true);
  expect(events[0].event).toMatchObject({
    tenant: 'default',
    configId: id,
    field: 'bearerToken',
    code: 'INVALID_CREDENTIALS',
    id: events[0].headers['webhook-id'],
  });
  // Never a value: not in bodies, deliveries, logs.
  const deliveries = await call(WebhookDeliveriesDocument, { first: 50 });
  for (const canary of [CANARY, HEADER_CANARY]) {
    expect(JSON.stringify(received)).not.toContain(canary);
    expect(JSON.stringify(deliveries)).not.toContain(canary);
    expect(JSON.stringify(await healthOf(id))).not.toContain(canary);
    expect(server.logs()).not.toContain(canary);
  }
  // The health checks read the saved values the audited way.
  const audit = await server.services.store.audit.list('default', { first: 100 });
  expect(
    audit.items.some((event) => event.action === 'config.health-check' && event.fields.includes('bearerToken')),
  ).toBe(true);
});

it('retries a delivery the receiver refused, and shows each attempt', async () => {
  healthy = true;
  const id = await saveConfig({ baseUrl: api.url, authMethod: 'BEARER', bearerToken: CANARY });
  await checkNow(id);
  receiverFailures = 1;
  healthy = false;
  await checkNow(id);
  const attempts = await waitFor(
    async () => eventsFor(id).filter((r) => r.event.type === 'config.health.failing'),
    (list) => list.length >= 2,
  );
  expect(attempts.length).toBe(2);
  // The same event, signed afresh each time: receivers de-duplicate by webhook-id.
  expect(attempts[0].headers['webhook-id']).toBe(attempts[1].headers['webhook-id']);
  const deliveries = await call(WebhookDeliveriesDocument, { first: 50 });
  const mine = deliveries.webhookDeliveries.edges.find(
    (edge) => edge.node.eventId === attempts[0].headers['webhook-id'],
  );
  expect(mine?.node).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 204 });
  healthy = true;
});

it('warns of a certificate expiring within a threshold, once per threshold', async () => {
  healthy = true;
  const expiring = await makeCertificateExpiringIn(20);
  const id = await saveConfig({
    baseUrl: api.url,
    authMethod: 'BEARER',
    bearerToken: CANARY,
    caCertificate: `${certs.ca}\n${expiring.cert}`,
  });
  const expiry = await call(ConfigHealthDocument, { id });
  expect(expiry.connectorConfig?.credentialExpiry).toEqual([
    expect.objectContaining({ field: 'caCertificate', source: 'CERTIFICATE' }),
  ]);
  await checkNow(id);
  await checkNow(id);
  const health = await healthOf(id);
  expect(health.status).toBe('HEALTHY');
  expect(health.issues).toEqual([
    expect.objectContaining({ code: 'CREDENTIAL_EXPIRING', field: 'caCertificate', resolvedAt: null }),
  ]);
  const warnings = await waitFor(
    async () => eventsFor(id).filter((r) => r.event.type === 'credential.expiring'),
    (list) => list.length > 0,
  );
  expect(warnings).toHaveLength(1);
  expect(warnings[0].event).toMatchObject({
    field: 'caCertificate',
    code: 'CREDENTIAL_EXPIRING',
    expiresAt: expect.any(String),
  });
});

it('warns ahead of a date a person entered for a secret that cannot say when it expires', async () => {
  healthy = true;
  const id = await saveConfig({ baseUrl: api.url, authMethod: 'BEARER', bearerToken: CANARY });
  const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
  const set = await call(SetCredentialExpiryDocument, {
    input: { configId: id, field: 'bearerToken', expiresAt, expectedVersion: 1 },
  });
  expect(set.setCredentialExpiry.errors).toEqual([]);
  expect(set.setCredentialExpiry.config?.credentialExpiry).toEqual([
    { field: 'bearerToken', expiresAt, source: 'USER' },
  ]);
  const wrong = await call(SetCredentialExpiryDocument, {
    input: { configId: id, field: 'baseUrl', expiresAt, expectedVersion: 2 },
  });
  expect(wrong.setCredentialExpiry.errors).toEqual([expect.objectContaining({ field: 'field', code: 'NOT_LOCKED' })]);
  const stale = await call(SetCredentialExpiryDocument, {
    input: { configId: id, field: 'bearerToken', expiresAt: null, expectedVersion: 1 },
  });
  expect(stale.setCredentialExpiry.errors).toEqual([
    expect.objectContaining({ code: 'VERSION_CONFLICT', currentVersion: 2 }),
  ]);
  const checked = await checkNow(id);
  expect(checked.checkConfigHealth?.health.issues).toEqual([
    expect.objectContaining({ code: 'CREDENTIAL_EXPIRING', field: 'bearerToken', resolvedAt: null }),
  ]);
  const warned = await waitFor(
    async () => eventsFor(id).filter((r) => r.event.type === 'credential.expiring'),
    (list) => list.length > 0,
  );
  expect(warned[0].event).toMatchObject({ field: 'bearerToken', expiresAt });
});

it('tells a finding once when checks of one config run at once (on demand and on schedule)', async () => {
  healthy = true;
  const id = await saveConfig({ baseUrl: api.url, authMethod: 'BEARER', bearerToken: CANARY });
  await checkNow(id);
  healthy = false;
  const answers = await Promise.all(Array.from({ length: 4 }, () => checkNow(id)));
  // Every caller sees the finding, whichever check was recorded.
  for (const answer of answers) expect(answer.checkConfigHealth?.health.status).toBe('FAILING');
  await waitFor(
    async () => eventsFor(id),
    (list) => list.length > 0,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(eventsFor(id).map((r) => r.event.type)).toEqual(['config.health.failing']);
  const health = await healthOf(id);
  expect(health.issues.filter((issue) => !issue.resolvedAt)).toHaveLength(1);
  healthy = true;
});

it('refuses webhook addresses the outbound guard refuses, and unknown events', async () => {
  const bad = await call(CreateWebhookDocument, {
    input: { url: 'http://10.0.0.8/hook', events: ['config.health.failing', 'nope'] },
  });
  expect(bad.createWebhook.errors).toEqual([
    expect.objectContaining({ field: 'events', code: 'NOT_AN_OPTION' }),
    expect.objectContaining({ field: 'url', code: 'DESTINATION_NOT_ALLOWED' }),
  ]);
});
