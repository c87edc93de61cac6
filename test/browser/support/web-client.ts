import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { FormFieldPartsFragment } from '../../../codegen/generated/graphql';

/** Screenshots of the key states, kept by CI as artifacts (and looked at: see the README). */
export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

export interface ClientPage {
  page: Page;
  /** Errors the page raised or logged (a CSP violation, a failed script, an exception). */
  problems: string[];
  /** Every dialog the page opened (the unsaved-changes question), by message. */
  dialogs: string[];
  /** How the next dialog is answered; afterwards dialogs are accepted again. */
  answerNextDialog: (answer: 'accept' | 'dismiss') => void;
}

/** Opens the client served by `serverUrl` and signs in with `apiKey` through the sign-in form. */
export async function openSignedIn(context: BrowserContext, serverUrl: string, apiKey: string): Promise<ClientPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  let next: 'accept' | 'dismiss' = 'accept';
  // Leaving a form with unsaved changes asks first; tests navigate freely unless they say otherwise.
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    const answer = next;
    next = 'accept';
    await (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${serverUrl}/`);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
  return {
    page,
    problems,
    dialogs,
    answerNextDialog: (answer) => {
      next = answer;
    },
  };
}

/** The viewport as a person sees it, scrolled to `subject` when given; after animations settle. */
export async function screenshot(page: Page, name: string, subject?: Locator): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (subject) await subject.scrollIntoViewIfNeeded();
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** The wrapper of one field, found by the metadata name the client puts on it. */
export const field = (page: Page, name: string): Locator => page.locator(`[data-field="${name}"]`);

/** The control inside a field wrapper. */
export const control = (page: Page, name: string): Locator =>
  field(page, name).locator('input, select, textarea').first();

/** Opens every collapsible section of the form on the page. */
export async function expandAllSections(page: Page): Promise<void> {
  const folded = page.locator('button.section-toggle[aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** What the page shows: section kind → the field names rendered in it, in order. */
export function renderedFields(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const sections: Record<string, string[]> = {};
    for (const section of document.querySelectorAll<HTMLElement>('[data-section]')) {
      sections[section.dataset.section ?? ''] = [...section.querySelectorAll<HTMLElement>('[data-field]')].map(
        (element) => element.dataset.field ?? '',
      );
    }
    return sections;
  });
}

/**
 * Fills a form as a person would, choosing the action from each field's published type only:
 * the same helper fills any connector. Folded sections are opened first.
 */
export async function fillByMetadata(
  page: Page,
  fields: readonly Pick<FormFieldPartsFragment, 'name' | 'type' | 'options'>[],
  values: Record<string, unknown>,
): Promise<void> {
  await expandAllSections(page);
  for (const [name, value] of Object.entries(values)) {
    const meta = fields.find((candidate) => candidate.name === name);
    if (!meta) throw new Error(`the form has no field ${name}`);
    const wrapper = field(page, name);
    const target = control(page, name);
    if (meta.type === 'SELECT' || meta.type === 'RELAY') await target.selectOption(String(value));
    else if (meta.type === 'BOOLEAN') await target.setChecked(value === true);
    else if (meta.type === 'MULTISELECT')
      for (const option of meta.options)
        await wrapper.getByLabel(option.label).setChecked((value as string[]).includes(option.value));
    else if (meta.type === 'KEY_VALUE_LIST')
      for (const [index, row] of (value as { name: string; value: string }[]).entries()) {
        await wrapper.getByRole('button', { name: /^Add entry/ }).click();
        await wrapper.locator('.key-value-row').nth(index).locator('input').nth(0).fill(row.name);
        await wrapper.locator('.key-value-row').nth(index).locator('input').nth(1).fill(row.value);
      }
    else if (meta.type === 'JSON') await target.fill(JSON.stringify(value));
    else await target.fill(String(value));
  }
}
