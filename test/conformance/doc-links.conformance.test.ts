import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Every link between the README and docs/ leads somewhere: the file exists, and an #anchor names
 * a heading of it (GitHub's slugs). The README stays short: the reference lives in docs/.
 */
const root = join(__dirname, '..', '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1])));
}

const links = pages.flatMap((page) => {
  const text = readFileSync(join(root, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => [page, target] as const);
});

describe('documentation links', () => {
  it('keeps the README under 10 KB', () => {
    expect(readFileSync(join(root, 'README.md')).length).toBeLessThan(10 * 1024);
  });

  it.each(links)('%s → %s resolves', (page, target) => {
    const [path, anchor] = target.split('#');
    const file = path ? join(dirname(join(root, page)), path) : join(root, page);
    expect({ target, exists: existsSync(file) }).toEqual({ target, exists: true });
    if (anchor && file.endsWith('.md')) {
      expect({ target: relative(root, file), anchor, found: anchorsOf(file).has(anchor) }).toEqual({
        target: relative(root, file),
        anchor,
        found: true,
      });
    }
  });
});
