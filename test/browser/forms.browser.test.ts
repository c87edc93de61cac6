import {
  ConnectorTypeDocument,
  EditConnectorConfigDocument,
  type FormFieldPartsFragment,
  IntegrationsDocument,
  RegisterRelayDocument,
} from '../../codegen/generated/graphql';
import { Catalogue } from '../../src/catalogue/catalogue';
import { connectorDefinitionOf } from '../../src/connector-kit/connector.decorator';
import { CONNECTORS } from '../../src/connectors';
import { FormFieldType } from '../../src/forms/form.enums';
import { type FormRule, fieldsReadBy } from '../../src/forms/form-rule';
import { isRequired, visibleFields } from '../../src/forms/form-visibility';
import { INTEGRATIONS } from '../../src/integrations';
import { makeTestCertificates } from '../peers/certificates';
import { EveryFieldTypeSettings } from '../support/every-field-type.connector';
import { execute } from '../support/graphql-client';
import { bearer, type TestServer } from '../support/test-server';
import { type BrowserSession, startBrowserSession } from './support/browser-session';
import {
  type ClientPage,
  control,
  expandAllSections,
  field,
  fillByMetadata,
  renderedFields,
  screenshot,
} from './support/web-client';

/**
 * Every form of the catalogue, rendered by the client from metadata alone: each field in its
 * section with the right control, label, lock, required marker, help and placeholder; and the
 * visibility rules applied live, checked against the server's own evaluator.
 */
type Field = Omit<FormFieldPartsFragment, 'visibleWhen' | 'requiredWhen'> & {
  visibleWhen: FormRule | null;
  requiredWhen: FormRule | null;
};

/** The shipped catalogue, plus a test connector with a field of every type. */
const catalogue = new Catalogue([...CONNECTORS, connectorDefinitionOf(EveryFieldTypeSettings)], INTEGRATIONS);
const connectors = catalogue.connectors();

let server: TestServer;
let client: ClientPage;
let session: BrowserSession;

beforeAll(async () => {
  session = await startBrowserSession({ PLUGBOARD_TRUSTED_DOCUMENTS: 'enforce' }, { catalogue });
  ({ server, client } = session);
});

afterAll(async () => {
  await session?.stop();
});

afterEach(() => {
  // A CSP violation or a script error is a failure of whichever test caused it.
  expect(client.problems).toEqual([]);
});

async function formOf(key: string, integration: string | null) {
  const { data } = await execute(server.url, ConnectorTypeDocument, { key, integration });
  const connectorType = data?.connectorType;
  if (!connectorType) throw new Error(`no form for ${key}/${integration}`);
  return connectorType.sections.map((section) => ({
    kind: section.kind,
    fields: section.fields as Field[],
  }));
}

/** What the server's evaluator says each section shows for these values. */
function expectedSections(sections: { kind: string; fields: Field[] }[], values: Record<string, unknown>) {
  const all = sections.flatMap((section) => section.fields);
  const visible = new Set(visibleFields(all, values).map((f) => f.name));
  return Object.fromEntries(
    sections.map((section) => [section.kind, section.fields.filter((f) => visible.has(f.name)).map((f) => f.name)]),
  );
}

const CONTROL_SELECTOR: Record<string, string> = {
  TEXT: 'input[type="text"]',
  URL: 'input[type="url"]',
  EMAIL: 'input[type="email"]',
  HOSTNAME: 'input[type="text"]',
  INTEGER: 'input[type="number"]',
  NUMBER: 'input[type="number"]',
  BOOLEAN: 'input[type="checkbox"]',
  SELECT: 'select',
  MULTISELECT: 'input[type="checkbox"]',
  SECRET: 'input[type="password"]',
  TEXTAREA: 'textarea',
  CERTIFICATE: 'textarea',
  PRIVATE_KEY: 'textarea',
  JSON: 'textarea',
  KEY_VALUE_LIST: 'button',
  RELAY: 'select',
};

/** One field as shown, next to what its metadata says; compared whole so a failure names the field. */
/** Every type a rendered field had, to prove each FormFieldType got a control. */
const typesRendered = new Set<string>();

async function checkFieldPresentation(f: Field, required: boolean) {
  const { page } = client;
  typesRendered.add(f.type);
  const wrapper = field(page, f.name);
  const textControl =
    CONTROL_SELECTOR[f.type].startsWith('input[type="text"]') || f.type === 'URL' || f.type === 'EMAIL';
  const selector = f.locked && textControl ? 'input[type="password"]' : CONTROL_SELECTOR[f.type];
  const shown = {
    field: f.name,
    title: ((await wrapper.locator('label, legend').first().textContent()) ?? '').includes(f.label),
    locks: await wrapper.locator('.lock-icon').count(),
    requiredMarkers: await wrapper.locator('.required-marker').count(),
    help: f.helpText ? await wrapper.locator('.help').first().textContent() : null,
    controls: Math.min(await wrapper.locator(selector).count(), f.type === 'MULTISELECT' ? 99 : 1),
    options:
      f.type === 'SELECT'
        ? (await wrapper.locator('option').allTextContents()).filter((o) => f.options.some((x) => x.label === o))
        : [],
    placeholder: f.placeholder ? await control(page, f.name).getAttribute('placeholder') : null,
  };
  expect(shown).toEqual({
    field: f.name,
    title: true,
    locks: f.locked ? 1 : 0,
    requiredMarkers: required ? 1 : 0,
    help: f.helpText ?? null,
    controls: f.type === 'MULTISELECT' ? f.options.length : 1,
    options: f.type === 'SELECT' ? f.options.map((o) => o.label) : [],
    placeholder: f.placeholder ?? null,
  });
}

/** Every control has an accessible name (a label, legend-grouped aria-label, or labelledby). */
function unlabelledControls(): Promise<string[]> {
  return client.page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input, select, textarea, button')]
      .filter(
        (element) =>
          !(element.labels?.length || element.getAttribute('aria-label') || element.getAttribute('aria-labelledby')) &&
          !(element.tagName === 'BUTTON' && element.textContent?.trim()),
      )
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

/** A value for a field that drives a rule: each option, both booleans, or "something typed". */
function driverValues(f: Field): unknown[] {
  if (f.type === 'SELECT') return f.options.map((o) => o.value);
  if (f.type === 'BOOLEAN') return [true, false];
  if (f.type === 'MULTISELECT') return f.options.map((o) => [o.value]);
  return ['typed'];
}

async function setControl(f: Field, value: unknown) {
  const { page } = client;
  if (f.type === 'SELECT') return control(page, f.name).selectOption(String(value));
  if (f.type === 'BOOLEAN') return control(page, f.name).setChecked(value === true);
  if (f.type === 'MULTISELECT') {
    for (const option of f.options)
      await field(page, f.name)
        .getByLabel(option.label)
        .setChecked((value as string[]).includes(option.value));
    return;
  }
  return control(page, f.name).fill(String(value));
}

const forms: [string, string | null][] = [];
beforeAll(async () => {
  const { data } = await execute(server.url, IntegrationsDocument, {});
  for (const connector of connectors) forms.push([connector.key, null]);
  for (const integration of data?.integrations ?? [])
    for (const connector of integration.connectorTypes) forms.push([connector.key, integration.key]);
});

describe('every form of the catalogue', () => {
  it('renders each connector of the catalogue, and of each integration, from metadata', async () => {
    expect(forms.length).toBeGreaterThan(connectors.length);
    const { page } = client;
    const unseen: string[] = [];
    for (const [key, integration] of forms) {
      const sections = await formOf(key, integration);
      const all = sections.flatMap((s) => s.fields);
      await page.goto(`${server.url}/#/new/${key}${integration ? `/${integration}` : ''}`);
      await page.locator('form[aria-label]').waitFor();
      await expandAllSections(page);
      const label = `${key}${integration ? ` for ${integration}` : ''}`;

      // As first shown: the fields the defaults make visible, each in its own section, in order.
      expect({ form: label, sections: await renderedFields(page) }).toEqual({
        form: label,
        sections: expectedSections(sections, {}),
      });
      const visibleAtFirst = visibleFields(all, {});
      for (const f of visibleAtFirst) await checkFieldPresentation(f, isRequired(f, visibleAtFirst, {}));
      expect(await unlabelledControls()).toEqual([]);

      // Live rules: change each field a rule reads, and the page shows what the server's evaluator says.
      const seen = new Set(visibleAtFirst.map((f) => f.name));
      const drivers = new Set(
        all.flatMap((f) => [f.visibleWhen, f.requiredWhen]).flatMap((r) => (r ? fieldsReadBy(r) : [])),
      );
      for (const driver of all.filter((f) => drivers.has(f.name) && !f.locked)) {
        if (!(await field(page, driver.name).count())) continue;
        for (const value of driverValues(driver)) {
          await setControl(driver, value);
          const values = { [driver.name]: value };
          expect({ form: label, [driver.name]: value, sections: await renderedFields(page) }).toEqual({
            form: label,
            [driver.name]: value,
            sections: expectedSections(sections, values),
          });
          const visible = visibleFields(all, values);
          for (const f of visible) {
            if (seen.has(f.name)) continue;
            seen.add(f.name);
            await checkFieldPresentation(f, isRequired(f, visible, values));
          }
        }
        await page.reload();
        await page.locator('form[aria-label]').waitFor();
        await expandAllSections(page);
      }
      unseen.push(...all.filter((f) => !seen.has(f.name)).map((f) => `${label}: ${f.name}`));
    }
    // Every field of every form was shown at least once by changing a single other field.
    expect(unseen).toEqual([]);
    expect([...typesRendered].sort()).toEqual(Object.values(FormFieldType).sort());
  });

  it('takes, saves and shows again a value of every field type', async () => {
    const { page } = client;
    const admin = bearer(server.adminKey);
    const certs = await makeTestCertificates();
    const registered = await execute(server.url, RegisterRelayDocument, { input: { name: 'lab' } }, admin);
    const relayId = registered.data?.registerRelay.relay?.id ?? '';
    const fields = (await formOf('every-field-type', null)).flatMap((section) => section.fields);
    const unlocked = {
      serviceUrl: 'https://service.example.com/api',
      contactAddress: 'ops@corp.example',
      hostName: 'svc.corp.example',
      accountLabel: 'Primary',
      notes: 'line one\nline two',
      samplingRatio: 0.25,
      retries: 4,
      verboseLogging: true,
      permissions: ['READ', 'ADMIN'],
      region: 'US',
      caBundle: certs.ca,
      extraSettings: { batch: 50, mode: 'fast' },
      customHeaders: [{ name: 'X-Tenant', value: 'acme' }],
      relayId,
    };
    const locked = { accessToken: 'canary-Every-Type-Token-91', signingKey: certs.valid.key };
    expect(new Set([...Object.keys(unlocked), ...Object.keys(locked)])).toEqual(new Set(fields.map((f) => f.name)));

    await page.goto(`${server.url}/#/new/every-field-type`);
    await page.locator('form[aria-label]').waitFor();
    await page.locator('#config-name').fill('Every type');
    await fillByMetadata(page, fields, { ...unlocked, ...locked });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/#\/configs\//);
    const id = decodeURIComponent(page.url().split('#/configs/')[1]);

    // Stored with the types the metadata promised: numbers, booleans, lists, an object.
    const stored = (await execute(server.url, EditConnectorConfigDocument, { id }, admin)).data?.connectorConfig;
    expect(stored?.values).toEqual(unlocked);
    expect(
      stored?.lockedFields
        .filter((f) => f.isSet)
        .map((f) => f.field)
        .sort(),
    ).toEqual(Object.keys(locked).sort());

    // And shown again as they were entered, locked ones as "Saved" only.
    await page.reload();
    await page.locator('#config-name').waitFor();
    await expandAllSections(page);
    expect({
      samplingRatio: await control(page, 'samplingRatio').inputValue(),
      retries: await control(page, 'retries').inputValue(),
      verboseLogging: await control(page, 'verboseLogging').isChecked(),
      permissions: await field(page, 'permissions').locator('input:checked').count(),
      region: await control(page, 'region').inputValue(),
      notes: await control(page, 'notes').inputValue(),
      caBundle: await control(page, 'caBundle').inputValue(),
      extraSettings: JSON.parse(await control(page, 'extraSettings').inputValue()),
      header: await field(page, 'customHeaders').locator('.key-value-row input').first().inputValue(),
      relayId: await control(page, 'relayId').inputValue(),
      saved: await page.locator('.badge--saved').count(),
    }).toEqual({
      samplingRatio: '0.25',
      retries: '4',
      verboseLogging: true,
      permissions: 2,
      region: 'US',
      notes: unlocked.notes,
      caBundle: certs.ca,
      extraSettings: unlocked.extraSettings,
      header: 'X-Tenant',
      relayId,
      saved: 2,
    });
    expect(await page.content()).not.toContain(locked.accessToken);
    await screenshot(page, '11-every-field-type', field(page, 'extraSettings'));
  });

  it('shows the catalogue by category, filters it by search and by integration', async () => {
    const { page } = client;
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-connector]').first().waitFor();
    const categories = await page
      .locator('[data-category]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.category));
    expect(categories).toEqual([...new Set(connectors.map((c) => c.category))].sort());
    // Headings read as words, not slugs.
    const headings = await page.locator('[data-category] h3').allTextContents();
    expect(headings).toContain('File transfer');
    expect(headings.filter((heading) => heading.includes('-'))).toEqual([]);
    expect(await page.locator('[data-connector]').count()).toBe(connectors.length);
    await screenshot(page, '01-catalogue');

    const [someConnector] = connectors;
    await page.getByLabel('Search connectors').fill(someConnector.name);
    await expect(
      page.locator('[data-connector]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.connector)),
    ).resolves.toContain(someConnector.key);
    await page.getByLabel('Search connectors').fill('no such connector anywhere');
    await page.getByText('No connector matches').waitFor();
    await page.getByLabel('Search connectors').fill('');

    const { data } = await execute(server.url, IntegrationsDocument, {});
    const integration = data?.integrations[0];
    if (!integration) throw new Error('the catalogue has no integration');
    await page.getByLabel('Integration').selectOption(integration.key);
    const shown = await page
      .locator('[data-connector]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.connector));
    expect(shown.sort()).toEqual(integration.connectorTypes.map((c) => c.key).sort());
    const first = integration.connectorTypes[0];
    await page.locator(`[data-connector="${first.key}"] a`).click();
    await page.waitForURL(`**/#/new/${first.key}/${integration.key}`);
    await expect(page.locator('.integration-tag').textContent()).resolves.toBe(integration.key);
  });
});
