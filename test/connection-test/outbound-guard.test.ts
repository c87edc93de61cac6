import { OutboundGuard, type Resolver } from '../../src/connection-test/outbound-guard';
import { TestFailure } from '../../src/connector-kit/connection-test.failure';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ALLOWED';
  } catch (error) {
    if (error instanceof TestFailure) return error.error.code;
    throw error;
  }
}

const publicResolver: Resolver = async () => [{ address: '93.184.215.14', family: 4 }];

describe('the outbound-connection guard', () => {
  const guard = new OutboundGuard([], publicResolver);

  it.each([
    ['127.0.0.1'],
    ['127.0.0.2'],
    ['0.0.0.0'],
    ['0'],
    ['2130706433'],
    ['0x7f000001'],
    ['017700000001'],
    ['0177.0.0.1'],
    ['0x7f.1'],
    ['127.1'],
    ['::1'],
    ['[::1]'],
    ['::'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['10.0.0.8'],
    ['172.16.4.1'],
    ['192.168.1.1'],
    ['100.100.100.200'],
    ['169.254.169.254'],
    ['0xa9fea9fe'],
    ['[::ffff:a9fe:a9fe]'],
    ['fd00:ec2::254'],
    ['fe80::1'],
    ['224.0.0.1'],
    ['ff02::1'],
    ['255.255.255.255'],
    ['192.0.2.10'],
    ['198.18.0.1'],
    ['64:ff9b::7f00:1'],
    ['2002:7f00:1::'],
    ['2001::1'],
    ['::7f00:1'],
  ])('refuses %s', async (host) => {
    expect(await codeOf(guard.vet(host, 'host'))).toBe('DESTINATION_NOT_ALLOWED');
  });

  it.each([['fe80::1%lo'], ['/var/run/postgresql'], [''], ['host name'], ['[::1']])(
    'refuses the malformed host %p',
    async (host) => {
      expect(await codeOf(guard.vet(host, 'host'))).toBe('INVALID_VALUE');
    },
  );

  it('allows a public address, and pins the address it checked', async () => {
    expect(await guard.vet('93.184.215.14', 'host')).toEqual({
      hostname: '93.184.215.14',
      address: '93.184.215.14',
      family: 4,
    });
    expect(await guard.vet('api.example.com', 'host')).toEqual({
      hostname: 'api.example.com',
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('refuses a name when any address it resolves to is private', async () => {
    const mixed = new OutboundGuard([], async () => [
      { address: '8.8.8.8', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    expect(await codeOf(mixed.vet('rebind.example', 'host'))).toBe('DESTINATION_NOT_ALLOWED');
  });

  it('resolves once, so a name that changes answers (DNS rebinding) is connected at the checked address', async () => {
    let calls = 0;
    const rebinding = new OutboundGuard([], async () => {
      calls += 1;
      return [{ address: calls === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    });
    const vetted = await rebinding.vet('rebind.example', 'host');
    expect(vetted.address).toBe('93.184.215.14');
    expect(calls).toBe(1);
  });

  it('says the name does not resolve, rather than refusing it', async () => {
    const system = new OutboundGuard();
    expect(await codeOf(system.vet('no-such-host.invalid', 'host'))).toBe('DNS_NOT_FOUND');
  });

  it('opens exactly the CIDRs an operator allows', async () => {
    const selfHosted = new OutboundGuard(['127.0.0.1/32', '10.20.0.0/16']);
    expect(await codeOf(selfHosted.vet('127.0.0.1', 'host'))).toBe('ALLOWED');
    expect(await codeOf(selfHosted.vet('10.20.3.4', 'host'))).toBe('ALLOWED');
    expect(await codeOf(selfHosted.vet('127.0.0.2', 'host'))).toBe('DESTINATION_NOT_ALLOWED');
    expect(await codeOf(selfHosted.vet('10.21.0.1', 'host'))).toBe('DESTINATION_NOT_ALLOWED');
    expect(await codeOf(selfHosted.vet('::ffff:127.0.0.1', 'host'))).toBe('ALLOWED');
  });

  it('names the field and suggests a relay', async () => {
    await expect(guard.vet('10.0.0.1', 'baseUrl')).rejects.toMatchObject({
      error: {
        code: 'DESTINATION_NOT_ALLOWED',
        field: 'baseUrl',
        category: 'NETWORK',
        hint: expect.stringContaining('relay'),
      },
    });
  });
});
