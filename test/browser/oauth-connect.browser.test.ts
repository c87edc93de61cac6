import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ConnectorTypeDocument } from '../../codegen/generated/graphql';
import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import {
  OAUTH_CLIENT_ID,
  OAUTH_CLIENT_SECRET,
  OAUTH_PASSWORD,
  OAUTH_USER,
  type OAuthServerPeer,
  startOAuthServerPeer,
} from '../peers/oauth-server.peer';
import { execute } from '../support/graphql-client';
import { type BrowserSession, startBrowserSession } from './support/browser-session';
import { control, field, fillByMetadata, screenshot } from './support/web-client';

/**
 * "Connect with Microsoft" end to end: the form chooses delegated access, the person connects,
 * signs in and allows on the provider's own pages (a real authorization server), comes back
 * connected, and tests with the new grant.
 */
let certs: TestCertificates;
let provider: OAuthServerPeer;
let session: BrowserSession;

/** The browser trusts exactly the provider's key (Chromium's SPKI list), not every certificate. */
const spkiHash = (pem: string) =>
  createHash('sha256')
    .update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

beforeAll(async () => {
  certs = await makeTestCertificates();
  const caFile = join(tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  session = await startBrowserSession(
    { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128', PLUGBOARD_EXTRA_CA_FILE: caFile },
    {},
    { trustedKeys: [spkiHash(certs.valid.cert)] },
  );
  provider = await startOAuthServerPeer({
    style: 'microsoft',
    tls: certs.valid,
    ca: certs.ca,
    redirectUris: [`${session.server.url}/oauth/callback`],
  });
});

afterAll(async () => {
  await session?.stop();
  await provider?.stop();
});

it('connects through the consent screen, shows the grant, and tests with it', async () => {
  const { server, client } = session;
  const { page } = client;
  const { data } = await execute(server.url, ConnectorTypeDocument, { key: 'microsoft-graph', integration: null });
  const fields = data?.connectorType?.sections.flatMap((section) => section.fields) ?? [];
  await page.goto(`${server.url}/#/new/microsoft-graph`);
  await page.locator('form[aria-label]').waitFor();
  await page.locator('#config-name').fill('Mailbox sync');
  await fillByMetadata(page, fields, {
    tenantId: 'contoso.onmicrosoft.com',
    clientId: OAUTH_CLIENT_ID,
    authMethod: 'AUTHORIZATION_CODE',
    clientSecret: OAUTH_CLIENT_SECRET,
    delegatedScopes: 'User.Read Mail.Read',
    authorityHost: provider.origin,
    graphHost: provider.origin,
  });
  const connectButton = page.getByRole('button', { name: 'Connect with Microsoft' });
  // Unsaved: the flow uses saved values.
  expect(await connectButton.isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/#\/configs\//);
  await page.locator('.oauth-connect[data-oauth-status="NOT_CONNECTED"]').waitFor();
  await screenshot(page, '30-oauth-not-connected', page.locator('.oauth-connect'));

  // The browser goes through Plugboard's start URL, and comes back to the callback with the
  // flow's binding cookie, which Chromium sends on the provider's cross-site redirect.
  const plugboardHops: { path: string; cookie: string }[] = [];
  page.on('request', async (request) => {
    const url = new URL(request.url());
    if (url.origin !== server.url || !url.pathname.startsWith('/oauth/')) return;
    plugboardHops.push({ path: url.pathname, cookie: (await request.allHeaders()).cookie ?? '' });
  });
  await connectButton.click();
  // The provider's own sign-in and consent pages.
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Username').fill(OAUTH_USER);
  await page.getByLabel('Password').fill(OAUTH_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Allow access' }).waitFor();
  await page.getByRole('button', { name: 'Allow' }).click();

  // Back in Plugboard, on the same form, connected.
  await page.waitForURL((url) => url.origin === server.url && url.hash.startsWith('#/configs/'));
  await page.locator('.toast').getByText('Connected.').waitFor();
  const panel = page.locator('.oauth-connect[data-oauth-status="CONNECTED"]');
  await panel.waitFor();
  expect(await panel.textContent()).toContain('scopes:');
  expect(await page.getByRole('button', { name: 'Reconnect with Microsoft' }).isVisible()).toBe(true);
  expect(new URL(page.url()).search).toBe('');
  expect(plugboardHops.map((hop) => hop.path)).toEqual(['/oauth/start', '/oauth/callback']);
  expect(plugboardHops[1].cookie).toMatch(/plugboard_oauth_[0-9a-f]{16}=/);
  page.removeAllListeners('request');
  await screenshot(page, '31-oauth-connected', panel);

  // The Test button: the client secret is re-entered (saved secrets are never used), the new grant is.
  await page.getByRole('button', { name: 'Test connection' }).click();
  await control(page, 'clientSecret').waitFor();
  await control(page, 'clientSecret').fill(OAUTH_CLIENT_SECRET);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('.toast').getByText('Connection test passed').waitFor();
  expect(await field(page, 'authMethod').getAttribute('class')).not.toContain('field--fault');
  expect(await page.content()).not.toContain(OAUTH_CLIENT_SECRET);
  expect(client.problems).toEqual([]);
});

it('says why when the person denies consent, and offers to connect again', async () => {
  const { server, client } = session;
  const { page } = client;
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.locator('.oauth-connect[data-oauth-status="REVOKED"]').waitFor();
  await page.getByRole('button', { name: 'Connect with Microsoft' }).click();
  await page.getByRole('heading', { name: 'Allow access' }).waitFor();
  await page.getByRole('button', { name: 'Deny' }).click();
  await page.waitForURL((url) => url.origin === server.url);
  await page.locator('.error-bar').getByText('Not connected.').waitFor();
  const panel = page.locator('.oauth-connect');
  await panel.getByText("Access was not allowed at the provider's consent screen.").waitFor();
  expect(await panel.textContent()).toContain('OAUTH_ACCESS_DENIED');
  await screenshot(page, '32-oauth-denied', panel);
  expect(client.problems).toEqual([]);
});
