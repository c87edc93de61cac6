import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { FormFieldType } from '../../src/forms/form.enums';

/**
 * Adding a connector checks itself: everything here is derived from the catalogue, so a new
 * connector that lacks its documentation or its connection-test file fails this suite by name.
 */
const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const connectors = defaultCatalogue().connectors();

/** The cells of the markdown table row whose first cell is `key` in backticks. */
function rowOf(markdown: string, key: string): string[] | undefined {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`| \`${key}\``));
  return line
    ?.split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe.each(connectors.map((connector) => [connector.key, connector] as const))('connector %s', (key, connector) => {
  it("has its row in the README's connector table, with its Relay Options", () => {
    const row = rowOf(read('README.md'), key);
    expect(row).toBeDefined();
    const relayCapable = connector.fields.some((field) => field.type === FormFieldType.RELAY);
    expect(row?.at(-1)).toBe(relayCapable ? 'yes' : '–');
  });

  it('says what its connection test recognises in docs/connection-test-errors.md', () => {
    const row = rowOf(read('docs/connection-test-errors.md'), key);
    expect(row).toHaveLength(3);
    expect(row?.every((cell) => cell.length > 0)).toBe(true);
  });

  it('has a connection-test file against a local peer', () => {
    const file = `test/connection-test/${key}.test.ts`;
    expect(existsSync(join(root, file))).toBe(true);
    expect(read(file)).toContain(`'${key}'`);
  });
});
