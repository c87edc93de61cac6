/** An address a test may connect to, checked once: connect to `address`, never resolve the name again. */
export interface VettedAddress {
  /** The name that was asked for, for TLS server names and Host headers. */
  hostname: string;
  /** The checked address to connect to. */
  address: string;
  family: 4 | 6;
}

/**
 * Where a test may connect. On the server it is the outbound guard (public addresses and the
 * operator's allowed ranges); on a relay agent, the client's allowlist. Connector code never
 * opens a connection to an address this did not vet.
 */
export interface Destinations {
  /** Resolves and checks a host, or throws a TestFailure naming `field`. */
  vet(host: string, field: string): Promise<VettedAddress>;
}
