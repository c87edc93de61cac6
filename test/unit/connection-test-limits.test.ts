import { TestLimiter } from '../../src/connection-test/connection-test.limiter';
import { TestFailure } from '../../src/connector-kit/connection-test.failure';
import { secureContextFor } from '../../src/connector-kit/secure-contexts';

describe('the per-replica cap on connection tests', () => {
  it('refuses past the cap whoever asks, with a retry hint, and frees a slot on release', () => {
    const limiter = new TestLimiter({ perTenant: 10, perCredential: 10, perReplica: 3 });
    const releases = ['a', 'b', 'c'].map((tenant) => limiter.acquire(tenant, 'x'));
    expect(limiter.inFlight).toBe(3);
    let refusal: unknown;
    try {
      limiter.acquire('d', 'x');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TestFailure);
    expect((refusal as TestFailure).error).toMatchObject({ code: 'TEST_RATE_LIMITED', retryAfterSeconds: 2 });
    releases[0]();
    releases[0]();
    expect(limiter.inFlight).toBe(2);
    expect(() => limiter.acquire('d', 'x')).not.toThrow();
  });

  it('still limits each tenant and credential under the cap', () => {
    const limiter = new TestLimiter({ perTenant: 2, perCredential: 1, perReplica: 100 });
    limiter.acquire('a', 'same');
    expect(() => limiter.acquire('a', 'same')).toThrow(TestFailure);
    limiter.acquire('a', 'other');
    expect(() => limiter.acquire('a', 'third')).toThrow(TestFailure);
  });
});

describe('TLS contexts', () => {
  it('are shared by tests that trust the same CAs', () => {
    expect(secureContextFor(undefined)).toBe(secureContextFor(undefined));
    expect(secureContextFor([])).toBe(secureContextFor([]));
    expect(secureContextFor(undefined, 'TLSv1.3')).not.toBe(secureContextFor(undefined));
  });
});
