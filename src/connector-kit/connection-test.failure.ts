import type { TestErrorCategory, TestErrorCode } from './connection-test.codes';
import { ERROR_CATALOGUE } from './error-catalogue';
import type { TestStepKind } from './test-step';
import type { PresentedCertificate, PresentedHostKey } from './trust-prompt';

/** One problem a connection test found. */
export interface TestError {
  code: TestErrorCode;
  category: TestErrorCategory;
  /** The field at fault, when one field is. */
  field?: string;
  message: string;
  hint: string;
  retryable: boolean;
  retryAfterSeconds?: number;
  /** The provider's own code, such as AADSTS50076, 28P01 or 535 5.7.139. */
  providerCode?: string;
  /** The provider's message, with every submitted secret removed. */
  providerMessage?: string;
  /** With INTERNAL: the request whose log line holds the cause, for support. */
  requestId?: string;
  /** The step the error belongs to: the one the test's steps show FAILED. */
  step?: TestStepKind;
  /** With an untrusted certificate: what the server presented, for a "trust this CA" prompt. */
  presentedCertificate?: PresentedCertificate;
  /** With an unpinned or changed SSH host key: the key presented, for a "pin this key" prompt. */
  presentedHostKey?: PresentedHostKey;
}

export type TestErrorDetails = Partial<Omit<TestError, 'code' | 'category'>>;

export function testError(code: TestErrorCode, details: TestErrorDetails = {}): TestError {
  const described = ERROR_CATALOGUE[code];
  const error: TestError = {
    code,
    category: described.category,
    message: described.message,
    hint: described.hint,
    retryable: described.retryable,
  };
  for (const [key, value] of Object.entries(details)) {
    if (value !== undefined) (error as unknown as Record<string, unknown>)[key] = value;
  }
  return error;
}

/** Thrown by a tester to end the test with a classified failure. */
export class TestFailure extends Error {
  readonly error: TestError;

  constructor(code: TestErrorCode, details: TestErrorDetails = {}) {
    const error = testError(code, details);
    super(error.message);
    this.error = error;
  }
}
