import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';

/** Node's codes for certificate problems, as OpenSSL names them (also in a TLS socket's authorizationError). */
export const TLS_CODES: Readonly<Record<string, Code>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: Code.TLS_SELF_SIGNED,
  SELF_SIGNED_CERT_IN_CHAIN: Code.TLS_SELF_SIGNED,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: Code.TLS_UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT: Code.TLS_UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: Code.TLS_UNKNOWN_CA,
  CERT_UNTRUSTED: Code.TLS_UNKNOWN_CA,
  CERT_HAS_EXPIRED: Code.TLS_EXPIRED,
  CERT_NOT_YET_VALID: Code.TLS_EXPIRED,
  ERR_TLS_CERT_ALTNAME_INVALID: Code.TLS_HOSTNAME_MISMATCH,
  HOSTNAME_MISMATCH: Code.TLS_HOSTNAME_MISMATCH,
  EPROTO: Code.TLS_HANDSHAKE_FAILED,
  ERR_SSL_WRONG_VERSION_NUMBER: Code.TLS_HANDSHAKE_FAILED,
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: Code.TLS_HANDSHAKE_FAILED,
};

const SOCKET_CODES: Readonly<Record<string, Code>> = {
  ENOTFOUND: Code.DNS_NOT_FOUND,
  EAI_AGAIN: Code.DNS_NOT_FOUND,
  ECONNREFUSED: Code.CONNECTION_REFUSED,
  ECONNRESET: Code.CONNECTION_RESET,
  EPIPE: Code.CONNECTION_RESET,
  UND_ERR_SOCKET: Code.CONNECTION_RESET,
  EHOSTUNREACH: Code.HOST_UNREACHABLE,
  ENETUNREACH: Code.HOST_UNREACHABLE,
  ETIMEDOUT: Code.TIMEOUT,
  UND_ERR_CONNECT_TIMEOUT: Code.TIMEOUT,
  UND_ERR_HEADERS_TIMEOUT: Code.TIMEOUT,
  UND_ERR_BODY_TIMEOUT: Code.TIMEOUT,
};

/** The error codes on an error and its causes (undici wraps socket errors in `cause`). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (
    let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth += 1
  ) {
    if (typeof current.code === 'string') codes.push(current.code);
    current = current.cause as typeof current;
  }
  return codes;
}

/**
 * A TestFailure for a network or TLS error from any client library, or undefined when the
 * error is not one. `field` names the field that chose the destination (host, URL).
 */
export function classifyNetworkError(error: unknown, field?: string): TestFailure | undefined {
  if (error instanceof TestFailure) return error;
  for (const code of codesOf(error)) {
    const known = TLS_CODES[code] ?? SOCKET_CODES[code];
    if (known) return new TestFailure(known, { field, providerCode: code });
  }
  return undefined;
}
