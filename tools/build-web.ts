import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../src/package-root';

/**
 * Bundles the reference web client (src/web) into dist/web: app.js, app.css and index.html.
 * esbuild rather than tsc because the browser needs one file with Preact inside; the client has
 * no decorators, so esbuild's lack of decorator metadata does not matter here.
 */
async function buildWebClient(): Promise<void> {
  const root = packageRoot(__dirname);
  const outdir = join(root, 'dist', 'web');
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: 'src/web/main.tsx' },
    bundle: true,
    outdir,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: 'src/web/tsconfig.json',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'src', 'web', 'index.html'), join(outdir, 'index.html'));
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(`web client built in ${outdir} (${Math.round(bytes / 1024)} KiB with source maps)`);
}

buildWebClient().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
