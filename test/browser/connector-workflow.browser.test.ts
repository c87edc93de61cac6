import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import {
  CreateApiKeyDocument,
  CreateConnectorConfigDocument,
  DrainRelayAgentDocument,
  EditConnectorConfigDocument,
  RegisterRelayDocument,
  RevokeApiKeyDocument,
  RevokeRelayDocument,
  UpdateConnectorConfigDocument,
} from '../../codegen/generated/graphql';
import { makeTestCertificates } from '../peers/certificates';
import { type HttpsPeer, json, startHttpsPeer } from '../peers/https.peer';
import { type AgentProcess, startAgent, waitFor } from '../support/agent-process';
import { execute } from '../support/graphql-client';
import { bearer, type TestServer } from '../support/test-server';
import { accessibilityViolations, type Violation } from './support/accessibility';
import type { TestBrowser } from './support/browser';
import { type BrowserSession, startBrowserSession } from './support/browser-session';
import { type ClientPage, control, expandAllSections, field, screenshot } from './support/web-client';

/**
 * A person configuring a connector in the reference client, end to end: the real server, a real
 * HTTPS API peer answering like a REST API, and a real relay agent process. The client has no
 * code for this connector; the test names its fields only to act as the person would.
 */
const CANARY = 'canary-Browser-Token-4417';
let server: TestServer;
let api: HttpsPeer;
let insideNetwork: Server;
let insideUrl: string;
let session: BrowserSession;
let browser: TestBrowser;
let client: ClientPage;
let page: Page;
let admin: Record<string, string>;
const agents: AgentProcess[] = [];

beforeAll(async () => {
  const certs = await makeTestCertificates();
  api = await startHttpsPeer(certs.valid);
  const caFile = join(tmpdir(), `plugboard-browser-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  session = await startBrowserSession({
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128',
    PLUGBOARD_EXTRA_CA_FILE: caFile,
    PLUGBOARD_RELAY_HEARTBEAT_MS: '200',
    // The client sends only codegen's documents, by hash: it works where the server enforces that.
    PLUGBOARD_TRUSTED_DOCUMENTS: 'enforce',
  });
  ({ server, browser, client } = session);
  page = client.page;
  admin = bearer(server.adminKey);
  // A program only the relay reaches: plain HTTP inside the "client's network".
  insideNetwork = createServer((_request, response) => json(response, 200, {}));
  await new Promise<void>((resolve) => insideNetwork.listen(0, '127.0.0.1', resolve));
  insideUrl = `http://127.0.0.1:${(insideNetwork.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.kill('SIGKILL')));
  await session?.stop();
  await api?.stop();
  insideNetwork?.closeAllConnections();
  await new Promise<void>((resolve) => (insideNetwork ? insideNetwork.close(() => resolve()) : resolve()));
});

afterEach(() => {
  expect(client.problems).toEqual([]);
});

const errorBar = () => page.locator('.error-bar');
const toast = () => page.locator('.toast');
const focusedField = () =>
  page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'));

/** A fresh form: through the catalogue, so that the same form is not just kept on screen. */
async function newRestApiForm() {
  await page.goto(`${server.url}/#/`);
  await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
  await page.goto(`${server.url}/#/new/rest-api`);
  await page.locator('form[aria-label]').waitFor();
}

async function fillBearerForm(baseUrl = api.url) {
  await control(page, 'baseUrl').fill(baseUrl);
  await control(page, 'authMethod').selectOption('BEARER');
  await control(page, 'bearerToken').fill(CANARY);
}

describe('signing in', () => {
  it('refuses a wrong key, keeps a good one in session storage only, and signs out', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByLabel('API key').fill('pbk_default.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('Plugboard did not accept this key').waitFor();
    // A wrong key is only wrong: no "revoked" banner, nothing kept, the tab named after the view.
    expect(await other.getByText('no longer accepts the key').count()).toBe(0);
    expect(await other.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await other.title()).toBe('Sign in · Plugboard');
    await other.getByLabel('API key').fill(server.adminKey);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
    // The title is set by an effect just after the page renders.
    await other.waitForFunction(() => document.title === 'Connectors · Plugboard');
    const stored = await other.evaluate(() => ({
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage),
    }));
    expect(stored).toEqual({ session: ['plugboard.apiKey'], local: [] });
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.getByLabel('API key').waitFor();
    expect(await other.evaluate(() => sessionStorage.length)).toBe(0);
    await other.close();
  });
  it('returns to sign-in, saying why, when the key is revoked mid-session', async () => {
    const created = await execute(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'short-lived editor', role: 'EDITOR' } },
      admin,
    );
    const { key, apiKey } = created.data?.createApiKey ?? {};
    if (!key || !apiKey) throw new Error('no key');
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByLabel('API key').fill(key);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
    await execute(server.url, RevokeApiKeyDocument, { id: apiKey.id }, admin);
    await other.reload();
    await other.getByText('Plugboard no longer accepts the key this tab used').waitFor();
    // The key is gone; what stays is only that it stopped working (a request refused during
    // the reload clears it in the old page, and the new page still says why).
    expect(await other.evaluate(() => Object.keys(sessionStorage))).toEqual(['plugboard.sessionEnded']);
    await other.close();
  });
});

describe('the form', () => {
  it('shows and hides conditional fields as values change, with their required markers', async () => {
    await newRestApiForm();
    await control(page, 'authMethod').selectOption('BEARER');
    await field(page, 'bearerToken').waitFor();
    expect(await field(page, 'username').count()).toBe(0);
    await control(page, 'authMethod').selectOption('BASIC');
    await field(page, 'username').waitFor();
    expect(await field(page, 'bearerToken').count()).toBe(0);
    expect(await field(page, 'username').locator('.required-marker').count()).toBe(1);
    expect(await field(page, 'password').locator('.lock-icon').count()).toBe(1);
    await screenshot(page, '02-form-conditional-fields', page.locator('h1'));
  });

  it('asks before leaving unsaved changes, and keeps them when the answer is no', async () => {
    await newRestApiForm();
    const asked = client.dialogs.length;
    await control(page, 'baseUrl').fill('https://unsaved.example.com');
    client.answerNextDialog('dismiss');
    await page.getByRole('link', { name: '← Connectors' }).click();
    await waitFor(
      async () => client.dialogs.length,
      (count) => count > asked,
    );
    expect(client.dialogs.at(-1)).toBe('Leave this form? Your unsaved changes will be lost.');
    expect(page.url()).toMatch(/#\/new\/rest-api$/);
    expect(await control(page, 'baseUrl').inputValue()).toBe('https://unsaved.example.com');
    await page.getByRole('link', { name: '← Connectors' }).click();
    await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
    expect(client.dialogs.length).toBe(asked + 2);
  });

  it('checks the published limits before sending anything', async () => {
    await newRestApiForm();
    await fillBearerForm('ftp://files.example.com');
    const before = api.connections();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await field(page, 'baseUrl').locator('.field-error').waitFor();
    expect(await field(page, 'baseUrl').locator('.field-error').textContent()).toMatch(
      /must be a full URL starting with https:\/\//,
    );
    expect(await focusedField()).toBe('baseUrl');
    expect(await control(page, 'baseUrl').getAttribute('aria-invalid')).toBe('true');
    expect(api.connections()).toBe(before);
  });

  it('works by keyboard alone, from the name to a passing test', async () => {
    api.handle((_request, response) => json(response, 200, {}));
    await newRestApiForm();
    // From a fresh load, the first Tab reaches "Skip to content", which moves focus without
    // changing the route.
    await page.reload();
    await page.locator('#config-name').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    expect(page.url()).toMatch(/#\/new\/rest-api$/);
    await page.locator('#config-name').focus();
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Tab');
    await page.keyboard.type(api.url);
    await page.keyboard.press('Tab');
    expect(await focusedField()).toBe('authMethod');
    await page.keyboard.type('Bearer');
    await field(page, 'bearerToken').waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedField()).toBe('bearerToken');
    await page.keyboard.type(CANARY);
    // Folded sections open from the keyboard.
    const toggle = page.getByRole('button', { name: 'Advanced Options' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    for (let presses = 0; presses < 40; presses += 1) {
      const name = await page.evaluate(() => document.activeElement?.textContent);
      if (name === 'Test connection') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await toast().waitFor();
  });
});

describe('testing a connection', () => {
  it('a failing test: the red message at the bottom with the hint, the field highlighted and focused', async () => {
    api.handle((request, response) => json(response, 401, { error: `bad token ${request.headers.authorization}` }));
    await newRestApiForm();
    await fillBearerForm();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await errorBar().waitFor();
    const bar = await errorBar().boundingBox();
    const viewport = page.viewportSize();
    expect(bar && viewport && Math.round(bar.y + bar.height)).toBe(viewport?.height);
    expect(await errorBar().locator('.error-code').textContent()).toContain('INVALID_CREDENTIALS');
    expect(((await errorBar().locator('.error-hint').textContent()) ?? '').length).toBeGreaterThan(20);
    expect(await page.locator('.error-bar').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(180, 35, 24)',
    );
    expect(await field(page, 'bearerToken').getAttribute('class')).toContain('field--fault');
    expect(await focusedField()).toBe('bearerToken');
    expect(await page.locator('[role="alert"]').count()).toBeGreaterThan(0);
    // The buttons stay in reach, above the bar rather than under it, once the page has settled
    // (the bar publishes its height from a ResizeObserver, and the field at fault scrolls into view).
    await page.waitForFunction(() => {
      const bar = document.querySelector('.error-bar')?.getBoundingClientRect();
      const button = [...document.querySelectorAll('button')]
        .find((candidate) => candidate.textContent === 'Test connection')
        ?.getBoundingClientRect();
      return Boolean(bar && button && button.bottom <= bar.top + 1);
    });
    // What the API said is shown, with the submitted token scrubbed out by the server.
    expect(await errorBar().locator('.error-detail').textContent()).toContain('[redacted]');
    expect(await page.content()).not.toContain(CANARY);
    await screenshot(page, '04-test-failed');
  });

  it('a passing test: a confirmation top right that goes away by itself', async () => {
    api.handle((_request, response) => json(response, 200, {}));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await toast().waitFor();
    const box = await toast().boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && viewport.width - (box.x + box.width)).toBeLessThan(40);
    expect(box?.y).toBeLessThan(120);
    // Never over the header's Sign out button.
    const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect(box && signOut && box.y >= signOut.y + signOut.height).toBe(true);
    expect(await page.title()).toBe('New REST API configuration · Plugboard');
    expect(await toast().textContent()).toContain('Connection test passed');
    expect(await errorBar().count()).toBe(0);
    expect(await field(page, 'bearerToken').getAttribute('class')).not.toContain('field--fault');
    await screenshot(page, '03-test-passed');
    await toast().waitFor({ state: 'detached', timeout: 8000 });
  });
});

describe('saving and editing', () => {
  let configId = '';

  it('saves, and after a reload the locked field shows "saved", never a value or a mask', async () => {
    await page.locator('#config-name').fill('Orders API');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/#\/configs\//);
    configId = decodeURIComponent(page.url().split('#/configs/')[1]);
    await page.reload();
    await field(page, 'bearerToken').locator('.badge--saved').waitFor();
    expect(await field(page, 'bearerToken').locator('input, textarea').count()).toBe(0);
    expect(await field(page, 'bearerToken').textContent()).toContain('Saved');
    expect(await page.content()).not.toMatch(new RegExp(`${CANARY}|•••|\\*\\*\\*`));
    expect(await control(page, 'baseUrl').inputValue()).toBe(api.url);
    expect(server.logs()).not.toContain(CANARY);
    await screenshot(page, '05-saved-locked-field');
  });

  it('refuses a test until the saved locked field is re-entered, and says so on the field', async () => {
    const before = api.connections();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await field(page, 'bearerToken').locator('.field-error').waitFor();
    expect(await field(page, 'bearerToken').locator('.field-error').textContent()).toBe(
      'Re-enter Token to test: saved secrets are never used for tests.',
    );
    expect(await errorBar().textContent()).toContain('Re-enter the locked fields to test.');
    expect(await focusedField()).toBe('bearerToken');
    expect(await control(page, 'bearerToken').getAttribute('type')).toBe('password');
    expect(api.connections()).toBe(before);
    await screenshot(page, '06-locked-field-not-reentered');

    api.handle((_request, response) => json(response, 200, {}));
    await control(page, 'bearerToken').fill(CANARY);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await toast().waitFor();
    await page.locator('.config-meta .badge--ok').waitFor();
  });

  it('refuses to clear a required locked field, and keeps it on Undo', async () => {
    await page.reload();
    await field(page, 'bearerToken')
      .getByRole('button', { name: /^Clear/ })
      .click();
    await field(page, 'bearerToken').getByText('Will be cleared when you save').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await field(page, 'bearerToken').getByText('Token is required: replace it instead of clearing it.').waitFor();
    await field(page, 'bearerToken').getByRole('button', { name: /^Undo/ }).click();
    await field(page, 'bearerToken').locator('.badge--saved').waitFor();
    // Fixed by the person: no error and no highlight remain.
    expect(await page.locator('.field--fault, .field-error').count()).toBe(0);
  });

  it('offers to reload when someone else saved first', async () => {
    const stored = (await execute(server.url, EditConnectorConfigDocument, { id: configId }, admin)).data
      ?.connectorConfig;
    if (!stored) throw new Error('config not found');
    const theirs = await execute(
      server.url,
      UpdateConnectorConfigDocument,
      {
        input: {
          id: configId,
          expectedVersion: stored.version,
          name: 'Orders API (renamed by Sam)',
          values: stored.values,
        },
      },
      admin,
    );
    expect(theirs.data?.updateConnectorConfig.errors).toEqual([]);
    await page.locator('#config-name').fill('Orders API (mine)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await errorBar().getByText('Someone else saved this configuration').waitFor();
    expect(await errorBar().locator('.error-code').textContent()).toContain('VERSION_CONFLICT');
    await screenshot(page, '07-version-conflict');
    await errorBar().getByRole('button', { name: 'Reload the saved version' }).click();
    await errorBar().waitFor({ state: 'detached' });
    await page
      .locator('.config-meta')
      .getByText(`Version ${stored.version + 1},`)
      .waitFor();
    expect(await page.locator('#config-name').inputValue()).toBe('Orders API (renamed by Sam)');
  });

  it('lists saved configs a page at a time, each with its last test', async () => {
    for (let n = 0; n < 11; n += 1) {
      const { data } = await execute(
        server.url,
        CreateConnectorConfigDocument,
        { input: { name: `Bulk ${n}`, connectorType: 'rest-api', values: { baseUrl: api.url, authMethod: 'NONE' } } },
        admin,
      );
      expect(data?.createConnectorConfig.errors).toEqual([]);
    }
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-config]').first().waitFor();
    const firstPage = await page.locator('[data-config]').count();
    expect(firstPage).toBe(10);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2').waitFor();
    await page.locator('[data-config]').first().waitFor();
    const rows = await page.locator('[data-config] td:first-child').allTextContents();
    const all = [...rows];
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByText('Page 1').waitFor();
    await page.locator('[data-config]').first().waitFor();
    all.push(...(await page.locator('[data-config] td:first-child').allTextContents()));
    expect(new Set(all).size).toBe(all.length);
    expect(rows).toHaveLength(2);
    expect(all).toHaveLength(12);
    const ours = page.locator(`[data-config="${configId}"]`);
    expect(await ours.locator('.badge--ok').textContent()).toContain('Test passed');
    await screenshot(page, '08-saved-configs');
  });
});

describe('deleting', () => {
  it('deletes a config after asking, and it leaves the list', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('link', { name: 'Bulk 0', exact: true }).click();
    await page.locator('.config-meta').waitFor();
    const id = decodeURIComponent(page.url().split('#/configs/')[1]);
    await page.getByRole('button', { name: 'Delete configuration' }).click();
    await page.getByRole('group', { name: 'Confirm deletion' }).getByText('Delete “Bulk 0”?').waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await toast().getByText('Deleted "Bulk 0".').waitFor();
    await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
    await page.locator('[data-config]').first().waitFor();
    expect(await page.locator(`[data-config="${id}"]`).count()).toBe(0);
    const gone = await execute(server.url, EditConnectorConfigDocument, { id }, admin);
    expect(gone.data?.connectorConfig).toBeNull();
  });
});

describe('accessibility', () => {
  it('has no WCAG 2.1 A/AA violations on the sign-in page, the catalogue, a form, and a form with errors', async () => {
    const found: Record<string, Violation[]> = {};
    const signIn = await browser.context.newPage();
    await signIn.goto(`${server.url}/`);
    await signIn.getByLabel('API key').waitFor();
    found.signIn = await accessibilityViolations(signIn);
    await signIn.close();

    await page.goto(`${server.url}/#/`);
    await page.locator('[data-connector]').first().waitFor();
    found.catalogue = await accessibilityViolations(page);

    await newRestApiForm();
    await control(page, 'authMethod').selectOption('BASIC');
    await expandAllSections(page);
    found.form = await accessibilityViolations(page);

    await control(page, 'baseUrl').fill('ftp://nope');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await errorBar().waitFor();
    found.formWithErrors = await accessibilityViolations(page);
    expect(found).toEqual({ signIn: [], catalogue: [], form: [], formWithErrors: [] });
  });
});

describe('relays', () => {
  it('shows each relay live, tests through it, and puts the server refusal of a revoked relay on its field', async () => {
    const { data } = await execute(server.url, RegisterRelayDocument, { input: { name: 'dc-east' } }, admin);
    const relay = data?.registerRelay;
    if (!relay?.relay || !relay.token) throw new Error('no relay');
    await newRestApiForm();
    await page.locator('#config-name').fill('Inside API');
    await control(page, 'baseUrl').fill(insideUrl.replace('http:', 'https:'));
    await control(page, 'baseUrl').fill(insideUrl);
    await control(page, 'authMethod').selectOption('NONE');
    await page.getByRole('button', { name: 'Relay Options' }).click();
    await control(page, 'relayId').selectOption(relay.relay.id);
    await field(page, 'relayId').getByText('dc-east is offline').waitFor();

    const agent = startAgent(server.url, relay.token, ['--name', 'east-1']);
    agents.push(agent);
    // The picker refreshes by itself: no reload, no click.
    await field(page, 'relayId').getByText('dc-east is online').waitFor({ timeout: 15_000 });
    // A second host joins the group: the line names each agent; draining it leaves one.
    const second = startAgent(server.url, relay.token, ['--name', 'east-2']);
    agents.push(second);
    await field(page, 'relayId')
      .getByText('dc-east is online: east-1 online, east-2 online.')
      .waitFor({ timeout: 15_000 });
    await screenshot(page, '09-relay-picker-online', field(page, 'relayId'));
    await execute(server.url, DrainRelayAgentDocument, { input: { relayId: relay.relay.id, agent: 'east-2' } }, admin);
    expect(await second.exited).toBe(0);
    await field(page, 'relayId')
      .getByText(/^dc-east is online on /)
      .waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await toast().getByText('through the relay').waitFor();

    await execute(server.url, RevokeRelayDocument, { id: relay.relay.id }, admin);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await field(page, 'relayId').locator('.field-error').getByText('"dc-east" was revoked').waitFor();
    expect(await field(page, 'relayId').getAttribute('class')).toContain('field--fault');
    expect(await focusedField()).toBe('relayId');
    await agent.exited;
  });
});
