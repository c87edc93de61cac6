import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { TestLimiter, type TestLimits } from '../../src/connection-test/connection-test.limiter';
import { ConnectionTestRunner } from '../../src/connection-test/connection-test.runner';
import { OutboundGuard } from '../../src/connection-test/outbound-guard';
import type { ConnectionTestOutcome, TestRequest } from '../../src/connector-kit/connection-test.result';
import { brokenOutcomeRules } from './outcome-rules';

/** Loopback, which the test peers listen on: opened the way an operator would open a range. */
export const LOOPBACK = ['127.0.0.1/32', '::1/128'];

const SCENARIOS = join(__dirname, '..', '..', 'test-artifacts', 'connection-test-scenarios.jsonl');

/**
 * Each outcome's connector, status, code and step, one line per test run, so the failure
 * scenarios the peers produce can be counted per connector (tools/count-test-scenarios.ts).
 */
function recordScenario(connectorKey: string, outcome: ConnectionTestOutcome): void {
  const [error] = outcome.errors;
  mkdirSync(dirname(SCENARIOS), { recursive: true });
  appendFileSync(
    SCENARIOS,
    `${JSON.stringify({ connectorKey, status: outcome.status, code: error?.code, step: error?.step, field: error?.field })}\n`,
  );
}

export function testRunner(
  options: { allow?: string[]; stepTimeoutMs?: number; limits?: TestLimits; trust?: string[] } = {},
) {
  const catalogue = defaultCatalogue();
  const runner = new ConnectionTestRunner(
    catalogue,
    new OutboundGuard(options.allow ?? LOOPBACK),
    new TestLimiter(options.limits),
    { stepTimeoutMs: options.stepTimeoutMs ?? 2000, extraCaCertificates: options.trust },
  );
  return async (connectorKey: string, values: Record<string, unknown>, more: Partial<TestRequest> = {}) => {
    const outcome = await runner.run({ tenantId: 'acme', connectorKey, values, ...more });
    // Every outcome a test produces keeps the rules of outcome-rules.ts, whatever else it asserts.
    const broken = brokenOutcomeRules(catalogue, connectorKey, values, outcome, more.integrationKey);
    recordScenario(connectorKey, outcome);
    if (broken.length)
      throw new Error(`The outcome breaks the rules:\n- ${broken.join('\n- ')}\n${JSON.stringify(outcome, null, 2)}`);
    return outcome;
  };
}
