import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  CheckConfigHealthDocument,
  ConfigHealthDocument,
  CreateConnectorConfigDocument,
  TestConnectionDocument,
} from '../../codegen/generated/graphql';
import { makeRsaAppCertificate, makeTestCertificates } from '../peers/certificates';
import { CLIENT_ID, CLIENT_SECRET, type EntraPeer, startEntraPeer, TENANT } from '../peers/entra-id.peer';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * What a provider says about expiry: an Entra app that may read its own registration reports
 * its client secret's end date at health checks (never at the Test button), and it warns.
 */
let entra: EntraPeer;
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  const certs = await makeTestCertificates();
  entra = await startEntraPeer(certs.valid, await makeRsaAppCertificate());
  const caFile = join(tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  server = await startTestServer({ PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128', PLUGBOARD_EXTRA_CA_FILE: caFile });
  admin = bearer(server.adminKey);
});

afterAll(async () => {
  await server?.stop();
  await entra?.stop();
});

const values = () => ({
  tenantId: TENANT,
  clientId: CLIENT_ID,
  authMethod: 'CLIENT_SECRET',
  clientSecret: CLIENT_SECRET,
  authorityHost: entra.url,
  graphHost: entra.url,
});

const applicationReads = () =>
  entra.peer.requests.filter((request) => request.url.startsWith('/v1.0/applications')).length;

it("reads the app's client secret end date at health checks, and warns ahead of it", async () => {
  entra.secretEndDateTime = new Date(Date.now() + 25 * 86_400_000).toISOString();
  const created = await execute(
    server.url,
    CreateConnectorConfigDocument,
    { input: { name: 'Entra app', connectorType: 'microsoft-graph', values: values() } },
    admin,
  );
  const id = created.data?.createConnectorConfig.config?.id as string;

  // The Test button never reads it: it is the health check's view only.
  const before = applicationReads();
  const tested = await execute(
    server.url,
    TestConnectionDocument,
    { input: { connectorType: 'microsoft-graph', values: values() } },
    admin,
  );
  expect(tested.data?.testConnection.ok).toBe(true);
  expect(applicationReads()).toBe(before);

  const checked = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
  expect(checked.data?.checkConfigHealth?.health).toMatchObject({
    status: 'HEALTHY',
    issues: [expect.objectContaining({ code: 'CREDENTIAL_EXPIRING', field: 'clientSecret' })],
  });
  const expiry = await execute(server.url, ConfigHealthDocument, { id }, admin);
  expect(expiry.data?.connectorConfig?.credentialExpiry).toEqual([
    { field: 'clientSecret', expiresAt: entra.secretEndDateTime, source: 'PROVIDER' },
  ]);
  expect(applicationReads()).toBe(before + 1);
});

it('reports nothing, and fails nothing, when the app may not read its registration', async () => {
  entra.secretEndDateTime = undefined;
  const created = await execute(
    server.url,
    CreateConnectorConfigDocument,
    { input: { name: 'Entra app, no read', connectorType: 'microsoft-graph', values: values() } },
    admin,
  );
  const id = created.data?.createConnectorConfig.config?.id as string;
  const checked = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
  expect(checked.data?.checkConfigHealth?.health).toMatchObject({ status: 'HEALTHY', issues: [] });
  const expiry = await execute(server.url, ConfigHealthDocument, { id }, admin);
  expect(expiry.data?.connectorConfig?.credentialExpiry).toEqual([]);
});
