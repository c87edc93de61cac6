import { ConnectorTypeDocument } from '../../codegen/generated/graphql';
import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { BASE_DN, LDAP_PASSWORD, type LdapPeer, startLdapPeer } from '../peers/ldap.peer';
import { type SftpPeer, startSftpPeer } from '../peers/sftp.peer';
import { execute } from '../support/graphql-client';
import { type BrowserSession, startBrowserSession } from './support/browser-session';
import { control, fillByMetadata, screenshot } from './support/web-client';

/**
 * The trust prompts: a directory with a self-signed certificate, and an SFTP server whose host
 * key is not pinned. The failed test shows what the server presented, and one button fills the
 * field it belongs in; the next test passes. Nothing is trusted without that click.
 */
let certs: TestCertificates;
let directory: LdapPeer;
let sftp: SftpPeer;
let session: BrowserSession;

beforeAll(async () => {
  certs = await makeTestCertificates();
  directory = await startLdapPeer(certs.selfSigned);
  sftp = await startSftpPeer();
  session = await startBrowserSession({ PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128' });
});

afterAll(async () => {
  await session?.stop();
  await Promise.all([directory?.stop(), sftp?.stop()]);
});

afterEach(() => {
  expect(session.client.problems).toEqual([]);
});

async function formFields(connectorKey: string) {
  const { data } = await execute(session.server.url, ConnectorTypeDocument, { key: connectorKey, integration: null });
  return data?.connectorType?.sections.flatMap((section) => section.fields) ?? [];
}

it('offers to trust a self-signed certificate: it shows what was presented and fills the CA field', async () => {
  const { page } = session.client;
  const fields = await formFields('ldap');
  await page.goto(`${session.server.url}/#/new/ldap`);
  await page.locator('form[aria-label]').waitFor();
  await fillByMetadata(page, fields, {
    host: 'localhost',
    port: directory.port,
    security: 'LDAPS',
    bindDn: `CN=svc,${BASE_DN}`,
    bindPassword: LDAP_PASSWORD,
    baseDn: BASE_DN,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();
  const prompt = page.locator('.trust-prompt');
  await prompt.waitFor();
  expect(await page.locator('.error-code').textContent()).toContain('TLS_SELF_SIGNED');
  const shown = await prompt.textContent();
  expect(shown).toContain('CN=localhost');
  expect(shown).toMatch(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await screenshot(page, '11-trust-this-ca', page.locator('.error-bar'));
  await page.getByRole('button', { name: /Trust this CA/ }).click();
  expect(await control(page, 'caCertificate').inputValue()).toContain('BEGIN CERTIFICATE');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('.toast').getByText('Connection test passed').waitFor();
});

it('offers to pin an SFTP host key when none is pinned, and never passes before it is', async () => {
  const { page } = session.client;
  const fields = await formFields('sftp');
  await page.goto(`${session.server.url}/#/new/sftp`);
  await page.locator('form[aria-label]').waitFor();
  await fillByMetadata(page, fields, {
    host: '127.0.0.1',
    port: sftp.port,
    username: 'alice',
    authMethod: 'PASSWORD',
    password: sftp.password,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('.trust-prompt').waitFor();
  expect(await page.locator('.error-code').textContent()).toContain('HOST_KEY_UNKNOWN');
  expect(await page.locator('.trust-prompt').textContent()).toContain(sftp.fingerprint);
  await page.getByRole('button', { name: /Pin this key/ }).click();
  expect(await control(page, 'hostKeyFingerprint').inputValue()).toBe(sftp.fingerprint);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('.toast').getByText('Connection test passed').waitFor();
});
