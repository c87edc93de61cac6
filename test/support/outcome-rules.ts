import type { Catalogue } from '../../src/catalogue/catalogue';
import type { ConnectionTestOutcome } from '../../src/connector-kit/connection-test.result';
import { visibleFields } from '../../src/forms/form-visibility';
import { foreignTerms, namesCaField } from './product-vocabulary';

/**
 * The rules every connection-test outcome keeps, checked on every outcome a peer-backed test
 * produces (test-runner.ts applies them), so a connector cannot break them in a case nobody
 * thought to assert:
 * - steps: each declared step once, in order; a failed test has exactly one FAILED step, the
 *   one its error names; nothing after it ran; a refused test ran no step;
 * - fields: the field of an error exists on the form and is visible under the values tested;
 * - hints: no other product's vocabulary, and a CA certificate field only where one is shown.
 * Returns the broken rules, empty when all hold.
 */
export function brokenOutcomeRules(
  catalogue: Catalogue,
  connectorKey: string,
  values: Record<string, unknown>,
  outcome: ConnectionTestOutcome,
  integrationKey?: string | null,
): string[] {
  const lookup = catalogue.form(connectorKey, integrationKey);
  if (!lookup.found) return [];
  const { form } = lookup;
  const broken: string[] = [];
  const declared = form.connector.connectionTest.steps;
  if (outcome.status === 'REFUSED') {
    if (outcome.steps.length) broken.push('a refused test shows steps');
    return broken;
  }
  const kinds = outcome.steps.map((step) => step.kind);
  if (kinds.join() !== declared.join()) broken.push(`steps ${kinds.join()} are not the plan's ${declared.join()}`);
  const failedAt = outcome.steps.findIndex((step) => step.status === 'FAILED');
  const failedCount = outcome.steps.filter((step) => step.status === 'FAILED').length;
  if (outcome.status === 'FAILED') {
    if (failedCount !== 1) broken.push(`a failed test shows ${failedCount} FAILED steps`);
    const stepOfError = outcome.errors[0]?.step;
    if (failedAt >= 0 && stepOfError !== outcome.steps[failedAt].kind)
      broken.push(`the error names step ${stepOfError}, the steps show ${outcome.steps[failedAt].kind} FAILED`);
    if (outcome.steps.slice(failedAt + 1).some((step) => step.status !== 'SKIPPED'))
      broken.push('a step after the failed one is not SKIPPED');
  } else if (failedCount) {
    broken.push('a test that succeeded shows a FAILED step');
  }
  const visible = new Set(visibleFields(form.fields, values).map((field) => field.name));
  const hasCaField = form.fields.some((field) => visible.has(field.name) && field.label === 'CA certificate');
  for (const error of outcome.errors) {
    if (error.field && !visible.has(error.field))
      broken.push(`${error.code} names ${error.field}, not shown on the form`);
    const foreign = foreignTerms(connectorKey, error.hint);
    if (foreign.length) broken.push(`${error.code}'s hint names ${foreign.join(', ')}: "${error.hint}"`);
    if (namesCaField(error.hint) && !hasCaField)
      broken.push(`${error.code}'s hint names a CA certificate field not shown`);
  }
  return broken;
}
