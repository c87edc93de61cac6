import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { TestFailure } from '../connector-kit/connection-test.failure';
import type { Destinations, VettedAddress } from '../connector-kit/destinations.port';

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** getaddrinfo, as net.connect uses it: honours /etc/hosts and inet_aton forms. */
const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** ipaddr.js calls IPv4-compatible IPv6 (::a.b.c.d) unicast; it embeds an IPv4 address. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

function isPublic(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === 'ipv6' && address.match(IPV4_COMPATIBLE)) return false;
  return address.range() === 'unicast';
}

/**
 * The outbound-connection guard for tests that run from Plugboard itself (not through a
 * relay). A host is resolved once; every address it resolves to must be public unicast, or be
 * inside an operator-allowed CIDR; the caller then connects to the checked address. Odd
 * encodings (decimal, octal, hex, short forms), IPv4-mapped and -embedding IPv6 forms and names
 * that resolve to private addresses are all refused before any connection is made.
 */
export class OutboundGuard implements Destinations {
  private readonly allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(
    allowedCidrs: readonly string[] = [],
    private readonly resolve: Resolver = systemResolver,
  ) {
    this.allowed = allowedCidrs.map((cidr) => ipaddr.parseCIDR(cidr));
  }

  /** Whether an address may be reached directly. */
  permits(address: string): boolean {
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.process(address);
    } catch {
      return false;
    }
    if (this.allowed.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits))) return true;
    return isPublic(parsed);
  }

  /**
   * Resolves and checks a host. `field` is the form field that named it, for the error.
   * Throws DESTINATION_NOT_ALLOWED, DNS_NOT_FOUND or INVALID_VALUE.
   */
  async vet(host: string, field: string): Promise<VettedAddress> {
    const hostname = host.trim().replace(/^\[(.*)\]$/, '$1');
    if (!hostname || /[\s/%[\]]/.test(hostname) || hostname.startsWith('/')) {
      throw new TestFailure(Code.INVALID_VALUE, { field, message: `"${host}" is not a host name or IP address.` });
    }
    let answers: { address: string; family: number }[];
    if (isIP(hostname)) answers = [{ address: hostname, family: isIP(hostname) }];
    else if (ipaddr.isValid(hostname)) {
      // inet_aton forms (2130706433, 0x7f.1, 0177.0.0.1, 127.1) are addresses, not names,
      // whatever a resolver would make of them.
      const literal = ipaddr.parse(hostname);
      answers = [{ address: literal.toString(), family: literal.kind() === 'ipv6' ? 6 : 4 }];
    } else {
      try {
        answers = await this.resolve(hostname);
      } catch (error) {
        throw new TestFailure(Code.DNS_NOT_FOUND, {
          field,
          message: `The host name "${hostname}" does not resolve.`,
          providerCode: (error as { code?: string }).code,
        });
      }
    }
    if (answers.length === 0) throw new TestFailure(Code.DNS_NOT_FOUND, { field });
    const refused = answers.find((answer) => !this.permits(answer.address));
    if (refused) {
      throw new TestFailure(Code.DESTINATION_NOT_ALLOWED, {
        field,
        message: `"${hostname}" is, or resolves to, an address Plugboard does not connect to directly (${refused.address}).`,
      });
    }
    const checked = ipaddr.process(answers[0].address);
    return { hostname, address: checked.toString(), family: checked.kind() === 'ipv6' ? 6 : 4 };
  }
}
