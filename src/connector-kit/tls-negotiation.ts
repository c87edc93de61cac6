import { isIP, connect as netConnect, type Socket } from 'node:net';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import { TLS_CODES } from './network-errors';
import { secureContextFor } from './secure-contexts';
import { describePresentedCertificate } from './trust-prompt';

export interface TlsTarget {
  /** The name the certificate must carry (and the SNI name, unless it is an address). */
  hostname: string;
  /** The authorities to trust (TestContext.trustedCas); Node's public roots when undefined. */
  ca?: string[];
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** The field that named the host. */
  field: string;
  /** The form's CA certificate field, when it has one under the values tested. */
  caField?: string;
  /** The field that chose encryption (or the port), for a port that does not speak TLS. */
  encryptionField?: string;
  /**
   * What to check: the chain and the name (the default), the chain only (PostgreSQL's
   * verify-ca), or nothing (encryption without verification, PostgreSQL's require).
   */
  verify?: 'FULL' | 'CHAIN' | 'NONE';
  /** A client certificate and key, for servers that ask for one. */
  clientCertificate?: { cert: string; key: string };
}

/** The name to send as SNI: RFC 6066 allows host names only, so none for an address. */
export const sniName = (hostname: string): string | undefined => (isIP(hostname) ? undefined : hostname);

/** Handshake errors that mean the other side does not speak TLS at all on this port. */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ECONNRESET', 'EPIPE']);

/** Advice that names the CA certificate field only on forms that have it. */
function trustHint(code: Code, caField: string | undefined): string | undefined {
  if (code === Code.TLS_SELF_SIGNED) {
    return caField
      ? 'If you trust this server, paste its certificate (shown with this error) into the CA certificate field; better, install a certificate from a trusted authority on the server.'
      : 'Install a certificate from a trusted authority on the server. If a proxy inspects TLS on your network, the Plugboard operator adds its CA (PLUGBOARD_EXTRA_CA_FILE).';
  }
  if (code === Code.TLS_UNKNOWN_CA) {
    return caField
      ? 'Paste the certificate of the authority that issued it (PEM) into the CA certificate field.'
      : 'The server needs a certificate from a public authority. If a proxy inspects TLS on your network, the Plugboard operator adds its CA (PLUGBOARD_EXTRA_CA_FILE).';
  }
  return undefined;
}

/**
 * Negotiates TLS on a connected socket and verifies the certificate itself, so that when it is
 * not trusted the error carries what the server presented (a UI offers "trust this CA" from
 * it). Verification is Node's (the chain against `ca`, then the name); `rejectUnauthorized` is
 * off only so the certificate can be read before the socket is closed on the verdict.
 * A port that answers but not in TLS is TLS_NOT_SUPPORTED on the encryption field.
 */
export function negotiateTls(socket: Socket, target: TlsTarget, signal: AbortSignal): Promise<TLSSocket> {
  const verify = target.verify ?? 'FULL';
  const secure = tlsConnect({
    socket,
    // The name Node checks the certificate against (it would check "localhost" without it).
    host: target.hostname,
    servername: sniName(target.hostname),
    ...(verify === 'CHAIN' ? { checkServerIdentity: () => undefined } : {}),
    // A client key is a secret: it gets a context of its own, never one of the shared ones.
    ...(target.clientCertificate
      ? { ca: target.ca, minVersion: target.minVersion ?? 'TLSv1.2', ...target.clientCertificate }
      : { secureContext: secureContextFor(target.ca, target.minVersion) }),
    rejectUnauthorized: false,
  });
  return new Promise<TLSSocket>((resolve, reject) => {
    const settle = (failure?: TestFailure) => {
      signal.removeEventListener('abort', onAbort);
      secure.off('error', onError);
      secure.off('secureConnect', onSecure);
      if (!failure) return resolve(secure);
      secure.destroy();
      reject(failure);
    };
    const onAbort = () => {
      secure.destroy();
      reject(new Error('aborted'));
    };
    const onError = (error: Error & { code?: string }) => {
      const notTls = NOT_TLS.has(error.code ?? '') || /disconnected before secure TLS/i.test(error.message);
      settle(
        notTls
          ? new TestFailure(Code.TLS_NOT_SUPPORTED, {
              field: target.encryptionField ?? target.field,
              message: 'The server on this port answered, but not with TLS.',
              hint: 'Check the port and the encryption setting: they must match what the server speaks on that port.',
              providerCode: error.code,
            })
          : new TestFailure(Code.TLS_HANDSHAKE_FAILED, { field: target.field, providerCode: error.code }),
      );
    };
    const onSecure = () => {
      if (verify === 'NONE') return settle();
      const presented = secure.getPeerCertificate(true);
      // Node verified the chain and (unless told not to) the name; its verdict is the reason.
      const reason = secure.authorized ? undefined : String(secure.authorizationError);
      if (!reason) return settle();
      const code = TLS_CODES[reason] ?? Code.TLS_HANDSHAKE_FAILED;
      const onCaField = target.caField && (code === Code.TLS_SELF_SIGNED || code === Code.TLS_UNKNOWN_CA);
      settle(
        new TestFailure(code, {
          field: onCaField ? target.caField : target.field,
          hint: trustHint(code, target.caField),
          providerCode: reason,
          presentedCertificate: describePresentedCertificate(presented),
        }),
      );
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    secure.once('error', onError);
    secure.once('secureConnect', onSecure);
  });
}

/**
 * Whether a port answers a TLS handshake (any certificate). Used to explain a plain-text
 * protocol that got nowhere: a server that closes, resets or stays silent on the plain
 * conversation but completes a handshake expects TLS from the first byte.
 */
export function speaksTls(address: string, port: number, signal: AbortSignal, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const plain = netConnect({ host: address, port });
    const socket = tlsConnect({ socket: plain, rejectUnauthorized: false });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      socket.destroy();
      plain.destroy();
      resolve(answer);
    };
    const abort = () => done(false);
    const timer = setTimeout(abort, timeoutMs);
    signal.addEventListener('abort', abort, { once: true });
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Explains a plain conversation that got nowhere (the server closed, reset or stayed silent):
 * when the port completes a TLS handshake, it expects TLS from the first byte, which is a
 * choice of encryption (or port) to change, not a network fault. Undefined when it does not.
 */
export async function tlsOnlyPortFailure(
  address: string,
  port: number,
  signal: AbortSignal,
  advice: { field: string; hint: string },
): Promise<TestFailure | undefined> {
  if (!(await speaksTls(address, port, signal))) return undefined;
  return new TestFailure(Code.TLS_REQUIRED, {
    field: advice.field,
    message: 'The server on this port expects TLS from the first byte, not a plain connection.',
    hint: advice.hint,
  });
}
