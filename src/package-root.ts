import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The directory holding package.json, found from a module's own directory. The same answer from
 * `src/` (tests) and `dist/src/` (npm start), so files beside the package resolve either way.
 */
export function packageRoot(from = __dirname): string {
  let directory = from;
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) return from;
    directory = parent;
  }
  return directory;
}
