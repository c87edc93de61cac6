import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { CreateConnectorConfigDocument } from '../../codegen/generated/graphql';
import { makeCertificateExpiringIn, makeTestCertificates, type TestCertificates } from '../peers/certificates';
import { type HttpsPeer, json, startHttpsPeer } from '../peers/https.peer';
import { execute } from '../support/graphql-client';
import { bearer } from '../support/test-server';
import { type BrowserSession, startBrowserSession } from './support/browser-session';
import { screenshot } from './support/web-client';

/**
 * A saved config's health on the page: "Check now" runs a check with the saved values, the open
 * issue shows its hint, a certificate about to expire is named, and the list shows both.
 */
let certs: TestCertificates;
let api: HttpsPeer;
let session: BrowserSession;
let healthy = true;

beforeAll(async () => {
  certs = await makeTestCertificates();
  api = await startHttpsPeer(certs.valid, (_request, response) =>
    healthy ? json(response, 200, {}) : json(response, 401, { error: 'token revoked' }),
  );
  const caFile = join(tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  session = await startBrowserSession({
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128',
    PLUGBOARD_EXTRA_CA_FILE: caFile,
  });
});

afterAll(async () => {
  await session?.stop();
  await api?.stop();
});

it('shows health and expiry on the form and in the list, and checks on demand', async () => {
  const { server, client } = session;
  const { page } = client;
  const expiring = await makeCertificateExpiringIn(20);
  const { data } = await execute(
    server.url,
    CreateConnectorConfigDocument,
    {
      input: {
        name: 'Orders API health',
        connectorType: 'rest-api',
        values: {
          baseUrl: api.url,
          authMethod: 'BEARER',
          bearerToken: 'health-browser-token',
          caCertificate: `${certs.ca}\n${expiring.cert}`,
        },
      },
    },
    bearer(server.adminKey),
  );
  const id = data?.createConnectorConfig.config?.id as string;
  await page.goto(`${server.url}/#/configs/${encodeURIComponent(id)}`);
  const panel = page.locator('.health-panel');
  await panel.getByText('Not checked yet').waitFor();

  healthy = false;
  await panel.getByRole('button', { name: 'Check now' }).click();
  await panel.getByText('Failing (INVALID_CREDENTIALS)').waitFor();
  expect(await panel.locator('.health-issues').textContent()).toContain('bearerToken');
  expect(await panel.textContent()).toContain('caCertificate expires in');
  await screenshot(page, '40-health-failing', panel);

  healthy = true;
  await panel.getByRole('button', { name: 'Check now' }).click();
  await panel.getByText('Healthy').first().waitFor();
  expect(await panel.textContent()).toContain('Resolved: INVALID_CREDENTIALS');

  await page.goto(`${server.url}/#/`);
  const row = page.locator(`tr[data-config="${id}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('Healthy');
  expect(await row.textContent()).toContain('caCertificate expires in');
  expect(client.problems).toEqual([]);
});
