import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/configuration.md lists every environment variable Plugboard reads: a variable read in
 * src/ (env.NAME, env['NAME'], a name passed to a parser) without its row fails here by name.
 */
const root = join(__dirname, '..', '..');
const documented = new Set(
  [...readFileSync(join(root, 'docs/configuration.md'), 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map(
    (match) => match[1],
  ),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'web' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The variables a source file reads: property reads of an env object, quoted names handed to
 * parsers, and the variables command-line options fall back on.
 */
function variablesReadIn(text: string): string[] {
  const reads = [...text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)].map(
    (match) => match[1] ?? match[2],
  );
  const passed = [...text.matchAll(/\(\s*(?:env|process\.env)\s*,\s*'([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]);
  const named = [...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]);
  // Command-line options that fall back on a variable (commander's Option.env).
  const options = [...text.matchAll(/\.env\(\s*'([A-Z][A-Z0-9_]+)',?\s*\)/g)].map((match) => match[1]);
  return [...reads, ...passed, ...named, ...options];
}

const read = [
  ...new Set(sourceFiles(join(root, 'src')).flatMap((file) => variablesReadIn(readFileSync(file, 'utf8')))),
];

describe('docs/configuration.md', () => {
  it('finds the variables the sources read (the scan itself works)', () => {
    expect(read).toEqual(expect.arrayContaining(['PORT', 'COSMOS_KEY', 'PLUGBOARD_RELAY_TOKEN', 'PLUGBOARD_KEKS']));
  });

  it.each(read.sort())('documents %s', (name) => {
    expect(documented.has(name)).toBe(true);
  });
});
