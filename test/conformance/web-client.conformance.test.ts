import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONNECTORS } from '../../src/connectors';
import { INTEGRATIONS } from '../../src/integrations';

/**
 * The reference client renders every form from metadata. Any connector key, integration key
 * or field name written into its code would be a special case that other UIs cannot copy, so
 * none may appear there as a string literal or identifier-like token in quotes.
 */
const WEB_ROOT = join(__dirname, '..', '..', 'src', 'web');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html|css)$/.test(entry.name) ? [path] : [];
  });
}

/** HTML's own vocabulary (input types) that happens to match field names such as `password`. */
const HTML_INPUT_TYPES = new Set(['password', 'email', 'url', 'text', 'number', 'search']);

const catalogueNames = [
  ...CONNECTORS.map((connector) => connector.key),
  ...INTEGRATIONS.map((integration) => integration.key),
  ...CONNECTORS.flatMap((connector) => connector.fields.map((field) => field.name)),
].filter((name) => !HTML_INPUT_TYPES.has(name));

describe('the web client', () => {
  const files = sourceFiles(WEB_ROOT);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [file.slice(WEB_ROOT.length + 1), file]))(
    '%s names no connector, integration or field',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const quoted = [...new Set(catalogueNames)].filter((name) =>
        new RegExp(`['"\`]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`/]`).test(text),
      );
      expect(quoted).toEqual([]);
    },
  );
});
