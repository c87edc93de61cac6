import { TestLimiter } from '../../src/connection-test/connection-test.limiter';
import { TestFailure } from '../../src/connector-kit/connection-test.failure';
import { secureContextFor } from '../../src/connector-kit/secure-contexts';

describe('the per-replica cap on connection tests', () => {
  it('refuses past the cap whoever asks, with a retry hint, and frees a slot on release', async () => {
    const limiter = new TestLimiter({ perTenant: 10, perCredential: 10, perReplica: 3 });
    const releases = await Promise.all(['a', 'b', 'c'].map((tenant) => limiter.acquire(tenant, 'x')));
    expect(limiter.inFlight).toBe(3);
    const refusal = await limiter.acquire('d', 'x').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TestFailure);
    expect((refusal as TestFailure).error).toMatchObject({ code: 'TEST_RATE_LIMITED', retryAfterSeconds: 2 });
    releases[0]();
    releases[0]();
    expect(limiter.inFlight).toBe(2);
    await expect(limiter.acquire('d', 'x')).resolves.toBeInstanceOf(Function);
  });

  it('still limits each tenant and credential under the cap, and a refusal holds no slot', async () => {
    const limiter = new TestLimiter({ perTenant: 2, perCredential: 1, perReplica: 100 });
    await limiter.acquire('a', 'same');
    await expect(limiter.acquire('a', 'same')).rejects.toThrow(TestFailure);
    await limiter.acquire('a', 'other');
    await expect(limiter.acquire('a', 'third')).rejects.toThrow(TestFailure);
    expect(limiter.inFlight).toBe(2);
  });

  it('counts on this replica when the shared slots cannot be reached, and goes back to them after', async () => {
    let reachable = false;
    const taken: string[] = [];
    const shared = {
      take: async (key: string) => {
        if (!reachable) throw new Error('ECONNREFUSED');
        taken.push(key);
        return () => {};
      },
    };
    const limiter = new TestLimiter({ perTenant: 1, perCredential: 1, perReplica: 100 }, shared);
    const release = await limiter.acquire('a', 'x');
    await expect(limiter.acquire('a', 'y')).rejects.toThrow(TestFailure);
    release();
    reachable = true;
    await limiter.acquire('a', 'x');
    expect(taken).toEqual(['tenant:a', 'credential:a:x']);
  });
});

describe('TLS contexts', () => {
  it('are shared by tests that trust the same CAs', () => {
    expect(secureContextFor(undefined)).toBe(secureContextFor(undefined));
    expect(secureContextFor([])).toBe(secureContextFor([]));
    expect(secureContextFor(undefined, 'TLSv1.3')).not.toBe(secureContextFor(undefined));
  });
});
