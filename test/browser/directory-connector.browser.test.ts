import { ConnectorTypeDocument } from '../../codegen/generated/graphql';
import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { BASE_DN, LDAP_PASSWORD, type LdapPeer, startLdapPeer } from '../peers/ldap.peer';
import { execute } from '../support/graphql-client';
import { type BrowserSession, startBrowserSession } from './support/browser-session';
import { field, fillByMetadata, screenshot } from './support/web-client';

/**
 * A second protocol through the same page: an on-premises directory over LDAPS, with the CA
 * certificate pasted into a certificate field. The LDAP peer answers a wrong password the way
 * Active Directory does (result 49, data 52e), and the page puts that on the password field.
 */
let certs: TestCertificates;
let directory: LdapPeer;
let session: BrowserSession;

beforeAll(async () => {
  certs = await makeTestCertificates();
  directory = await startLdapPeer(certs.valid);
  session = await startBrowserSession({ PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128' });
});

afterAll(async () => {
  await session?.stop();
  await directory?.stop();
});

afterEach(() => {
  expect(session.client.problems).toEqual([]);
});

it('tests an LDAPS directory: a wrong password lands on its field, the right one passes', async () => {
  const { server, client } = session;
  const { page } = client;
  const { data } = await execute(server.url, ConnectorTypeDocument, { key: 'ldap', integration: null });
  const fields = data?.connectorType?.sections.flatMap((section) => section.fields) ?? [];
  await page.goto(`${server.url}/#/new/ldap`);
  await page.locator('form[aria-label]').waitFor();
  await fillByMetadata(page, fields, {
    host: 'localhost',
    port: directory.port,
    security: 'LDAPS',
    bindDn: `CN=svc,${BASE_DN}`,
    bindPassword: 'not-the-password',
    baseDn: BASE_DN,
    caCertificate: certs.ca,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('.error-bar').waitFor();
  expect(await page.locator('.error-code').textContent()).toContain('INVALID_CREDENTIALS');
  expect(await field(page, 'bindPassword').getAttribute('class')).toContain('field--fault');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe(
    'bindPassword',
  );
  await screenshot(page, '10-directory-wrong-password', field(page, 'bindPassword'));

  await fillByMetadata(page, fields, { bindPassword: LDAP_PASSWORD });
  expect(await field(page, 'bindPassword').getAttribute('class')).not.toContain('field--fault');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('.toast').getByText('Connection test passed').waitFor();
  expect(await page.locator('.error-bar').count()).toBe(0);
});
