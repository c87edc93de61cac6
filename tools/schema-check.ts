/**
 * `npm run schema:check`: fails when schema/schema.graphql or codegen/generated/ is stale, and
 * when the schema breaks the contract against main's committed schema.
 *
 * Breaking changes are compared against SCHEMA_BASE_REF when set; otherwise against origin/main
 * when it differs from HEAD (a branch), else against HEAD when the working tree changed the
 * schema, else against HEAD's parent (what the newest commit changed). A deliberate breaking
 * change is accepted by adding its message, as printed, to schema/accepted-breaking-changes.txt
 * in the same commit, where a reviewer sees it.
 */
import '../src/runtime-mode';
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { defaultCatalogue } from '../src/catalogue/default-catalogue';
import { buildPlugboardSchema } from '../src/graphql/schema.builder';

const ROOT = join(__dirname, '..', '..');
const SCHEMA_FILE = 'schema/schema.graphql';
const ACCEPTED_FILE = 'schema/accepted-breaking-changes.txt';

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function baseRef(currentSdl: string): string | undefined {
  if (process.env.SCHEMA_BASE_REF) return process.env.SCHEMA_BASE_REF;
  const head = git('rev-parse', 'HEAD')?.trim();
  const main = git('rev-parse', '--verify', '--quiet', 'origin/main')?.trim();
  if (main && head && main !== head) return 'origin/main';
  if (git('show', `HEAD:${SCHEMA_FILE}`) !== currentSdl) return 'HEAD';
  return 'HEAD^';
}

async function staleCodegenFiles(): Promise<string[]> {
  const { config } = await loadCodegenConfig({ configFilePath: join(ROOT, 'codegen.yml') });
  const outputs: { filename: string; content: string }[] = await generate(
    { ...config, cwd: ROOT, silent: true },
    false,
  );
  return outputs
    .filter(({ filename, content }) => {
      const path = join(ROOT, filename);
      return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    })
    .map(({ filename }) => filename);
}

async function breakingChanges(currentSdl: string): Promise<{ base: string; messages: string[] } | undefined> {
  const base = baseRef(currentSdl);
  const baseSdl = base && git('show', `${base}:${SCHEMA_FILE}`);
  if (!base || !baseSdl) return undefined;
  const changes = await diff(buildSchema(baseSdl), buildSchema(currentSdl));
  const accepted = existsSync(join(ROOT, ACCEPTED_FILE))
    ? new Set(
        readFileSync(join(ROOT, ACCEPTED_FILE), 'utf8')
          .split('\n')
          .map((line) => line.trim()),
      )
    : new Set<string>();
  const messages = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => change.message)
    .filter((message) => !accepted.has(message));
  return { base, messages };
}

async function main(): Promise<number> {
  const { sdl } = await buildPlugboardSchema(defaultCatalogue());
  const committed = existsSync(join(ROOT, SCHEMA_FILE)) ? readFileSync(join(ROOT, SCHEMA_FILE), 'utf8') : '';
  if (committed !== sdl) {
    console.error(`✖ ${SCHEMA_FILE} is stale: run \`npm run schema:emit\` and commit the result.`);
    return 1;
  }
  console.log(`✔ ${SCHEMA_FILE} matches the sources`);

  const stale = await staleCodegenFiles();
  if (stale.length) {
    console.error(`✖ stale generated files: ${stale.join(', ')}. Run \`npm run codegen\` and commit them.`);
    return 1;
  }
  console.log('✔ codegen/generated/ matches the schema and operations');

  const breaking = await breakingChanges(sdl);
  if (!breaking) {
    console.log('• no earlier committed schema to compare against');
    return 0;
  }
  if (breaking.messages.length) {
    console.error(`✖ breaking changes against ${breaking.base}:`);
    for (const message of breaking.messages) console.error(`  - ${message}`);
    console.error(`If they are deliberate, add each line above to ${ACCEPTED_FILE}.`);
    return 1;
  }
  console.log(`✔ no breaking changes against ${breaking.base}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
