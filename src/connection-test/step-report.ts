import type { TestError } from '../connector-kit/connection-test.failure';
import type { StepRecord } from '../connector-kit/connection-test.result';
import type { TestStepKind } from '../connector-kit/test-step';

/**
 * The steps a result shows, by one rule for every connector: each step the plan declares
 * appears once, in the plan's order; a failed test has exactly one FAILED step, the one its
 * error belongs to (and the error names it); steps that did not run are SKIPPED, whether they
 * come after the failure or did not apply to the values (TLS with encryption off).
 *
 * A stage that ran twice (two probe calls under AUTHORIZE) shows once, with both durations.
 * A failure thrown outside any step (a value only readable when the stage starts) belongs to
 * the first declared step that had not run yet: the stage it was preparing.
 */
export function reportedSteps(declared: readonly TestStepKind[], recorded: readonly StepRecord[], error?: TestError) {
  const byKind = new Map<TestStepKind, StepRecord>();
  for (const step of recorded) {
    const seen = byKind.get(step.kind);
    byKind.set(
      step.kind,
      seen
        ? {
            kind: step.kind,
            status: seen.status === 'FAILED' ? 'FAILED' : step.status,
            durationMs: seen.durationMs + step.durationMs,
          }
        : { ...step },
    );
  }
  const order = [...declared, ...recorded.map((step) => step.kind).filter((kind) => !declared.includes(kind))];
  if (error) {
    const failed = recorded.find((step) => step.status === 'FAILED')?.kind;
    const failing = failed ?? order.find((kind) => !byKind.has(kind)) ?? recorded.at(-1)?.kind;
    if (failing) {
      byKind.set(failing, { kind: failing, status: 'FAILED', durationMs: byKind.get(failing)?.durationMs ?? 0 });
      error.step ??= failing;
    }
  }
  return [...new Set(order)].map((kind): StepRecord => byKind.get(kind) ?? { kind, status: 'SKIPPED', durationMs: 0 });
}
