import type { TestConnectionResult } from '../../connection-test/connection-test.service';
import { ConnectionTestResult, ConnectionTestStatus, TestedVia, TestStepStatus } from './connection-test.type';

/** A test's outcome as the schema shows it. */
export function toConnectionTestResult(result: TestConnectionResult): ConnectionTestResult {
  return Object.assign(new ConnectionTestResult(), {
    ok: result.ok,
    status: ConnectionTestStatus[result.status],
    durationMs: result.durationMs,
    testedVia: TestedVia[result.testedVia],
    steps: result.steps.map((step) => ({
      kind: step.kind,
      status: TestStepStatus[step.status],
      durationMs: step.durationMs,
    })),
    errors: result.errors.map(({ presentedCertificate, ...error }) => ({
      ...error,
      presentedCertificate: presentedCertificate && {
        ...presentedCertificate,
        validFrom: new Date(presentedCertificate.validFrom),
        validTo: new Date(presentedCertificate.validTo),
      },
    })),
  });
}
