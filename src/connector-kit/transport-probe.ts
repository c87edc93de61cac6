import { connect as netConnect, type Socket } from 'node:net';
import type { TestContext } from './connection-test.context';
import { TestFailure } from './connection-test.failure';
import type { VettedAddress } from './destinations.port';
import { TestStepKind } from './test-step';
import { negotiateTls, type TlsTarget, tlsOnlyPortFailure } from './tls-negotiation';

export interface ProbeTarget {
  host: string;
  port: number;
  /** Whether to negotiate TLS after connecting (or after `beforeTls`). */
  tls: boolean;
  /**
   * For protocols that upgrade in the conversation (STARTTLS, PostgreSQL's SSLRequest, LDAP's
   * StartTLS): asks the server, on the plain connection, to start TLS, and throws a TestFailure
   * when it will not. Runs within the TLS step, before the handshake.
   */
  beforeTls?: (socket: Socket, signal: AbortSignal) => Promise<void>;
  /** The authorities to trust (TestContext.trustedCas); Node's public roots when undefined. */
  ca?: string[];
  minTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** The form field that named the host, for errors. */
  field: string;
  /** The form's CA certificate field, when visible under the values tested. */
  caField?: string;
  /** The field that chose encryption (or the port), for a port that does not speak what was chosen. */
  encryptionField?: string;
  /** The name the certificate must carry, when it is not the host's (an address, an alias). */
  tlsServerName?: string;
  /** What to do when `beforeTls` meets a port that expects TLS from the first byte. */
  tlsOnlyPortHint?: string;
  /** What the certificate check covers (TlsTarget.verify); the chain and the name by default. */
  verify?: TlsTarget['verify'];
  clientCertificate?: TlsTarget['clientCertificate'];
}

/**
 * Runs the protocol's request for TLS; when the server closes, resets or stays quiet for half
 * a step instead of answering, and the port completes a TLS handshake, says so: the port
 * expects TLS from the first byte (the encryption choice is wrong), rather than a bare reset
 * or timeout.
 */
async function upgradeOrExplain(
  context: TestContext,
  socket: Socket,
  target: ProbeTarget & { beforeTls: NonNullable<ProbeTarget['beforeTls']> },
  address: string,
  signal: AbortSignal,
): Promise<void> {
  const explain = () =>
    tlsOnlyPortFailure(address, target.port, signal, {
      field: target.encryptionField ?? target.field,
      hint: target.tlsOnlyPortHint ?? 'Choose the encryption that starts TLS at once, or the port for the one chosen.',
    });
  const upgrade = target.beforeTls(socket, signal);
  upgrade.catch(() => {}); // settled below, or abandoned once explained
  let timer: NodeJS.Timeout | undefined;
  const quiet = new Promise<'quiet'>((resolve) => {
    timer = setTimeout(() => resolve('quiet'), Math.min(5000, context.stepTimeoutMs / 2));
  });
  try {
    if ((await Promise.race([upgrade.then(() => 'answered' as const), quiet])) === 'answered') return;
    const explained = await explain();
    if (explained) throw explained;
    await upgrade;
  } catch (error) {
    if (error instanceof TestFailure || signal.aborted) throw error;
    throw (await explain()) ?? error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves with the socket once it emits `readyEvent`; rejects (destroying it) on an error or
 * when `signal` aborts. Every listener it adds is removed when it settles: a listener left on
 * the step's signal would hold the socket (and its closure) for as long as the signal lives.
 */
export function whenReady<T extends Socket>(socket: T, readyEvent: string, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      signal.removeEventListener('abort', onAbort);
      socket.off('error', fail);
      socket.off(readyEvent, ready);
    };
    const fail = (error: Error) => {
      cleanUp();
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(new Error('aborted'));
    const ready = () => {
      cleanUp();
      resolve(socket);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once(readyEvent, ready);
  });
}

/**
 * The RESOLVE, CONNECT and TLS steps on their own, so that a failure names the stage: the host
 * is vetted, a TCP connection opened to the vetted address, and (when asked, after the
 * protocol's own upgrade request) TLS negotiated and the certificate verified against the name. The connection is then closed; the protocol
 * client makes its own, to the returned address (never resolving the name again).
 */
export async function probeTransport(context: TestContext, target: ProbeTarget): Promise<VettedAddress> {
  const vetted = await context.step(TestStepKind.RESOLVE, () => context.destinations.vet(target.host, target.field), {
    field: target.field,
  });
  const socket = await context.step(
    TestStepKind.CONNECT,
    (signal) => whenReady(netConnect({ host: vetted.address, port: target.port }), 'connect', signal),
    { field: target.field },
  );
  try {
    if (!target.tls && !target.beforeTls) return vetted;
    const secure = await context.step(
      TestStepKind.TLS,
      async (signal) => {
        if (target.beforeTls) {
          await upgradeOrExplain(context, socket, { ...target, beforeTls: target.beforeTls }, vetted.address, signal);
        }
        return negotiateTls(
          socket,
          {
            hostname: target.tlsServerName ?? vetted.hostname,
            ca: target.ca,
            minVersion: target.minTlsVersion,
            field: target.field,
            caField: target.caField,
            encryptionField: target.encryptionField,
            verify: target.verify,
            clientCertificate: target.clientCertificate,
          },
          signal,
        );
      },
      { field: target.field },
    );
    secure.destroy();
    return vetted;
  } finally {
    socket.destroy();
  }
}
