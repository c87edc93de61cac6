import { join } from 'node:path';
import { hashApiKey } from '../src/auth/api-key.format';
import { defaultCatalogue } from '../src/catalogue/default-catalogue';
import { FormFieldType } from '../src/connector-kit';
import { type BenchProcess, startProcess } from './bench-process';
import type { Scenario, Target } from './scenarios';

const HANDWRITTEN = join(__dirname, 'handwritten.server.js');

/** The form the hand-written server fills: the catalogue's PostgreSQL fields, worked out here. */
function postgresqlForm(): string {
  const connector = defaultCatalogue().connector('postgresql');
  if (!connector) throw new Error('no postgresql connector');
  return JSON.stringify({
    connectorKey: connector.key,
    connectorVersion: connector.version,
    consent: Boolean(connector.authorizationCode),
    fields: connector.fields.map((field) => ({
      name: field.name,
      locked: Boolean(field.locked),
      required: Boolean(field.required),
      certificate: field.type === FormFieldType.CERTIFICATE,
      defaultValue: field.defaultValue ?? null,
    })),
  });
}

/** What varies between two answers to the same save: ids, times, and the cursors made of ids. */
const normalised = (bytes: string) =>
  bytes
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')
    .replace(/"(id|cursor|startCursor|endCursor)":"[A-Za-z0-9_-]+"/g, '"$1":"<id>"');

/**
 * Starts the hand-written limit for a scenario (list: reading Plugboard's own file; save: a file
 * of its own), then checks that it answers the scenario's request with Plugboard's bytes.
 */
export async function startHandwritten(
  scenario: Scenario & { handwritten: 'list' | 'save' },
  plugboard: Target,
  dataDir: string,
  adminKey: string,
): Promise<BenchProcess> {
  const baseline = await startProcess(HANDWRITTEN, [], {
    BENCH_MODE: scenario.handwritten,
    BENCH_DB: scenario.handwritten === 'list' ? join(dataDir, 'plugboard.db') : join(dataDir, 'handwritten-save.db'),
    BENCH_KEY_HASH: hashApiKey(adminKey),
    BENCH_FORM: postgresqlForm(),
  });
  const ask = async (url: string) =>
    (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...plugboard.headers },
        body: scenario.body,
      })
    ).text();
  const [theirs, mine] = await Promise.all([ask(baseline.url), ask(plugboard.url)]);
  const exact = scenario.handwritten === 'list';
  const [a, b] = exact ? [theirs, mine] : [normalised(theirs), normalised(mine)];
  if (a !== b) {
    await baseline.stop();
    const at = [...a].findIndex((char, index) => char !== b[index]);
    throw new Error(
      `${scenario.name}: the hand-written answer differs from Plugboard's at ${at}:\n  ${a.slice(at - 100, at + 100)}\n  ${b.slice(at - 100, at + 100)}`,
    );
  }
  console.log(
    `\n${scenario.name}: the hand-written answer equals Plugboard's ${exact ? 'byte for byte' : 'byte for byte after ids and times'} (${mine.length} bytes)`,
  );
  return baseline;
}
