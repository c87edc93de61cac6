import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { TestFailure } from '../connector-kit/connection-test.failure';
import type { Destinations, VettedAddress } from '../connector-kit/destinations.port';

/**
 * Where a relay agent may connect. Inside the client's network the private ranges are the
 * point, so the server's guard does not apply; instead the agent's operator may restrict it to
 * an allowlist of host names and CIDRs. Every name is still resolved once and pinned.
 */
export class AgentDestinations implements Destinations {
  private readonly hosts: Set<string>;
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(allow: readonly string[]) {
    this.hosts = new Set(
      allow.filter((entry) => !ipaddr.isValidCIDR(entry) && !ipaddr.isValid(entry)).map((host) => host.toLowerCase()),
    );
    this.ranges = allow
      .filter((entry) => ipaddr.isValidCIDR(entry) || ipaddr.isValid(entry))
      .map((entry) =>
        ipaddr.isValidCIDR(entry)
          ? ipaddr.parseCIDR(entry)
          : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv6' ? 128 : 32],
      );
  }

  private allowed(hostname: string, address: string): boolean {
    if (this.hosts.size === 0 && this.ranges.length === 0) return true;
    if (this.hosts.has(hostname.toLowerCase())) return true;
    const parsed = ipaddr.process(address);
    return this.ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
  }

  async vet(host: string, field: string): Promise<VettedAddress> {
    const hostname = host.trim().replace(/^\[(.*)\]$/, '$1');
    let address: string;
    if (isIP(hostname)) address = hostname;
    else {
      try {
        address = (await lookup(hostname, { verbatim: true })).address;
      } catch (error) {
        throw new TestFailure(Code.DNS_NOT_FOUND, { field, providerCode: (error as { code?: string }).code });
      }
    }
    if (!this.allowed(hostname, address)) {
      throw new TestFailure(Code.RELAY_NOT_ALLOWED, {
        field,
        message: `The relay agent's allowlist does not include ${hostname} (${address}).`,
      });
    }
    const checked = ipaddr.process(address);
    return { hostname, address: checked.toString(), family: checked.kind() === 'ipv6' ? 6 : 4 };
  }
}
