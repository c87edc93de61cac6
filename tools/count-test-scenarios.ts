import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Counts the distinct connection-test failure scenarios the peer-backed tests produced, per
 * connector (distinct code, step and field), from the lines test/support/test-runner.ts writes.
 * Run after `npx jest test/connection-test`: `node dist/tools/count-test-scenarios.js`.
 */
const file = join(__dirname, '..', '..', 'test-artifacts', 'connection-test-scenarios.jsonl');
if (!existsSync(file)) {
  console.error(`No ${file}: run the connection tests first.`);
  process.exit(1);
}
const perConnector = new Map<string, Set<string>>();
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const { connectorKey, status, code, step, field } = JSON.parse(line);
  if (status !== 'FAILED') continue;
  const seen = perConnector.get(connectorKey) ?? new Set<string>();
  seen.add(`${code} at ${step} on ${field ?? '-'}`);
  perConnector.set(connectorKey, seen);
}
for (const [connector, scenarios] of [...perConnector].sort()) {
  console.log(`${connector}\t${scenarios.size}`);
}
