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
import { BASE_DN, filetimeOf, LDAP_PASSWORD, type LdapPeer, NEVER_EXPIRES, startLdapPeer } from '../peers/ldap.peer';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * What a provider says about expiry, read at health checks (never at the Test button), and
 * warned of: an Entra app that may read its own registration reports its client secret's end
 * date; Active Directory reports when the bind account's password expires.
 */
let entra: EntraPeer;
let directory: LdapPeer;
let ca: string;
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  const certs = await makeTestCertificates();
  entra = await startEntraPeer(certs.valid, await makeRsaAppCertificate());
  directory = await startLdapPeer(certs.valid);
  ca = certs.ca;
  const caFile = join(tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  server = await startTestServer({ PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128', PLUGBOARD_EXTRA_CA_FILE: caFile });
  admin = bearer(server.adminKey);
});

afterAll(async () => {
  await server?.stop();
  await entra?.stop();
  await directory?.stop();
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

describe("Active Directory: the bind account's password", () => {
  const ldapValues = () => ({
    host: 'localhost',
    port: directory.port,
    security: 'LDAPS',
    bindDn: `CN=svc,${BASE_DN}`,
    bindPassword: LDAP_PASSWORD,
    baseDn: BASE_DN,
    caCertificate: ca,
  });
  // The test CA expires within a month too: only the password's findings are looked at here.
  const passwordIssues = (issues: { field?: string | null }[] | undefined) =>
    (issues ?? []).filter((issue) => issue.field === 'bindPassword');
  const passwordExpiries = (expiries: { field: string }[] | undefined) =>
    (expiries ?? []).filter((expiry) => expiry.field === 'bindPassword');
  const expiryReads = () =>
    directory.searches.filter((search) => search.attributes.includes('msDS-UserPasswordExpiryTimeComputed')).length;

  async function saved(name: string) {
    const created = await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { name, connectorType: 'ldap', values: ldapValues() } },
      admin,
    );
    expect(created.data?.createConnectorConfig.errors).toEqual([]);
    return created.data?.createConnectorConfig.config?.id as string;
  }

  it('reads when it expires at health checks, and warns ahead of it', async () => {
    const expiresAt = new Date(Date.now() + 6 * 86_400_000);
    directory.passwordExpiryFiletime = filetimeOf(expiresAt);
    const id = await saved('AD, password expiring');

    const before = expiryReads();
    const tested = await execute(
      server.url,
      TestConnectionDocument,
      { input: { connectorType: 'ldap', values: ldapValues() } },
      admin,
    );
    expect(tested.data?.testConnection.ok).toBe(true);
    expect(expiryReads()).toBe(before);

    const checked = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
    expect(checked.data?.checkConfigHealth?.health?.status).toBe('HEALTHY');
    expect(passwordIssues(checked.data?.checkConfigHealth?.health?.issues)).toEqual([
      expect.objectContaining({ code: 'CREDENTIAL_EXPIRING', resolvedAt: null }),
    ]);
    expect(expiryReads()).toBe(before + 1);
    const expiry = await execute(server.url, ConfigHealthDocument, { id }, admin);
    expect(passwordExpiries(expiry.data?.connectorConfig?.credentialExpiry)).toEqual([
      { field: 'bindPassword', expiresAt: expiresAt.toISOString(), source: 'PROVIDER' },
    ]);
    expect(JSON.stringify([checked, expiry])).not.toContain(LDAP_PASSWORD);
  });

  it('reports nothing for a password that never expires, or a directory that does not say', async () => {
    for (const filetime of [NEVER_EXPIRES, '0', 'not a number', undefined]) {
      directory.passwordExpiryFiletime = filetime;
      const id = await saved(`AD, ${filetime}`);
      const checked = await execute(server.url, CheckConfigHealthDocument, { id }, admin);
      expect(checked.data?.checkConfigHealth?.health?.status).toBe('HEALTHY');
      expect(passwordIssues(checked.data?.checkConfigHealth?.health?.issues)).toEqual([]);
      const expiry = await execute(server.url, ConfigHealthDocument, { id }, admin);
      expect(passwordExpiries(expiry.data?.connectorConfig?.credentialExpiry)).toEqual([]);
    }
  });
});
