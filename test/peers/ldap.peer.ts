import type { AddressInfo } from 'node:net';
// ldapjs is retired as a client library, but its server is a faithful BER/LDAP peer for tests.
import ldap from 'ldapjs';
import type { Pem } from './certificates';

export const LDAP_PASSWORD = 'svc-Directory-pass';
export const BASE_DN = 'dc=corp,dc=example';

const adFailure = (data: string) =>
  `80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data ${data}, v4563`;

/** Bind DNs that answer like Active Directory's failure cases: [result code, diagnostic message]. */
const BIND_FAILURES: Record<string, [number, string]> = {
  'cn=unknown,dc=corp,dc=example': [49, adFailure('525')],
  'cn=locked,dc=corp,dc=example': [49, adFailure('775')],
  'cn=disabled,dc=corp,dc=example': [49, adFailure('533')],
  'cn=retired,dc=corp,dc=example': [49, adFailure('701')],
  'cn=expired,dc=corp,dc=example': [49, adFailure('532')],
  'cn=mustreset,dc=corp,dc=example': [49, adFailure('773')],
  'cn=nighttime,dc=corp,dc=example': [49, adFailure('530')],
  'cn=workstation,dc=corp,dc=example': [49, adFailure('531')],
  'cn=openldap,dc=corp,dc=example': [49, ''],
  'cn=signing,dc=corp,dc=example': [
    8,
    '00002028: LdapErr: DSID-0C090259, comment: The server requires binds to turn on integrity checking if SSL\\TLS are not already active on the connection, data 0, v4563',
  ],
  'cn=unwilling,dc=corp,dc=example': [
    53,
    '00000057: LdapErr: DSID-0C090A71, comment: Error in attribute conversion operation, data 0, v4563',
  ],
};

interface Response {
  diagnosticMessage: string;
  matchedDN: string;
  send(entry: object): void;
  end(status?: number): void;
}

/** ldapjs 3 sends `diagnosticMessage`; errors passed to next() arrive without their text. */
function answer(response: Response, code: number, message: string, matchedDN = ''): void {
  response.diagnosticMessage = message;
  response.matchedDN = matchedDN;
  response.end(code);
}

export interface LdapPeer {
  port: number;
  /**
   * What Active Directory's constructed attribute `msDS-UserPasswordExpiryTimeComputed` says of
   * the service account: a FILETIME (100 ns since 1601), NEVER_EXPIRES, or absent (a directory
   * that is not AD, or an account it may not read).
   */
  passwordExpiryFiletime?: string;
  /** Searches the peer answered, by base DN and attributes asked for. */
  searches: { dn: string; attributes: string[] }[];
  stop(): Promise<void>;
}

/** AD's value for an account whose password never expires (0x7FFFFFFFFFFFFFFF). */
export const NEVER_EXPIRES = '9223372036854775807';

/** A moment as a Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
export const filetimeOf = (at: Date) => ((BigInt(at.getTime()) + 11_644_473_600_000n) * 10_000n).toString();

/**
 * An in-process LDAP server (ldapjs) that answers binds and base searches like Active
 * Directory: result 49 with `data` sub-codes, 8 for signing, 32 with matchedDN, 50.
 */
export async function startLdapPeer(certificate?: Pem): Promise<LdapPeer> {
  const peer = { searches: [] } as unknown as LdapPeer;
  const server = certificate
    ? ldap.createServer({ certificate: certificate.cert, key: certificate.key })
    : ldap.createServer();
  server.bind(BASE_DN, (request: { dn: { toString(): string }; credentials: string }, response: Response) => {
    const dn = request.dn.toString().replace(/\s+/g, '').toLowerCase();
    const failure = BIND_FAILURES[dn];
    if (failure) return answer(response, ...failure);
    if (dn === 'cn=svc,dc=corp,dc=example' && request.credentials === LDAP_PASSWORD) return response.end();
    const data = request.credentials === 'UPPER-CASE-HEX' ? '52E' : '52e';
    return answer(response, 49, adFailure(data));
  });
  server.search(BASE_DN, (request: { dn: { toString(): string }; attributes: string[] }, response: Response) => {
    const dn = request.dn.toString().replace(/\s+/g, '').toLowerCase();
    peer.searches.push({ dn, attributes: request.attributes.map(String) });
    if (dn === `cn=svc,${BASE_DN}`) {
      // ldapjs matches an entry's attribute names in lower case against the asked-for names as
      // sent; a directory matches names case-insensitively, as AD does.
      (response as unknown as { attributes: string[] }).attributes = request.attributes.map((name) =>
        String(name).toLowerCase(),
      );
      const expiry = peer.passwordExpiryFiletime;
      response.send({
        dn,
        attributes: {
          objectClass: ['user'],
          ...(expiry === undefined ? {} : { 'msDS-UserPasswordExpiryTimeComputed': [expiry] }),
        },
      });
      return response.end();
    }
    if (dn === BASE_DN) {
      response.send({ dn: BASE_DN, attributes: { objectClass: ['domain'] } });
      return response.end();
    }
    if (dn === `ou=secret,${BASE_DN}`) {
      return answer(response, 50, '00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0');
    }
    return answer(
      response,
      32,
      "0000208D: NameErr: DSID-03100241, problem 2001 (NO_OBJECT), data 0, best match of:\n\t'DC=corp,DC=example'",
      BASE_DN,
    );
  });
  // Bytes that are not LDAP (a TLS ClientHello on the plain port) are a parser error: the
  // server closes that connection, as a directory would, and carries on.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return Object.assign(peer, {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
