import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The dependency rules of .dependency-cruiser.js hold over src/: no cycle between folders or
 * files (types included), the layers point inward, connectors reach the toolkit through its
 * entry point only, and the environment and logger modules stand alone.
 */
const root = join(__dirname, '..', '..');

it('src/ keeps the dependency rules of .dependency-cruiser.js', () => {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      'src',
      '--config',
      '.dependency-cruiser.js',
      '--output-type',
      'err',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(result.stdout + result.stderr).toContain('no dependency violations found');
  expect(result.status).toBe(0);
}, 60_000);
