import type { Socket } from 'node:net';
import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import { excerpt } from './http-classification';
import { latin1AsUtf8 } from './wire-text';

/**
 * How protocols that start in clear ask the server for TLS, so the TLS step can run on its own
 * (and verify the certificate itself, to report what was presented) before the client library
 * signs in. Each is the protocol's fixed opening, a few bytes each way; the client libraries
 * (nodemailer, pg, ldapts) do the same inside their connect() and expose neither a separate
 * step nor the certificate they refused.
 */
export type TlsUpgradeRequest = (socket: Socket, signal: AbortSignal) => Promise<void>;

/** Resolves with what arrived once `complete` accepts it; rejects when the server closes first. */
function receive(socket: Socket, signal: AbortSignal, complete: (received: Buffer) => boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const cleanUp = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
      signal.removeEventListener('abort', onAbort);
      socket.pause();
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length > 64 * 1024 || complete(received)) {
        cleanUp();
        resolve(received);
      }
    };
    const onClose = () => {
      cleanUp();
      reject(Object.assign(new Error('closed'), { code: 'ECONNRESET', received }));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onAbort = () => {
      cleanUp();
      reject(new Error('aborted'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
    socket.resume();
  });
}

/**
 * An SMTP reply is complete at its last line: three digits and a space (RFC 5321 §4.2.1). A
 * whole line that is not a continuation ("250-…") ends it too, so a server speaking another
 * protocol is read, not waited on.
 */
function smtpReplyComplete(received: Buffer): boolean {
  const text = received.toString('latin1');
  if (!text.endsWith('\n')) return false;
  const lines = text.split(/\r?\n/).filter(Boolean);
  return !/^\d{3}-/.test(lines.at(-1) ?? '');
}

async function smtpReply(socket: Socket, signal: AbortSignal): Promise<{ code: number; text: string }> {
  const text = latin1AsUtf8((await receive(socket, signal, smtpReplyComplete)).toString('latin1'));
  return { code: Number(/^(\d{3})/.exec(text)?.[1] ?? 0), text: text.trim() };
}

export interface SmtpStartTlsOptions {
  /** The name sent with EHLO. */
  ehloName: string;
  /** The encryption field (STARTTLS, implicit TLS, none). */
  encryptionField: string;
  /** Classifies a greeting that refuses the connection (421, 554) in this connector's words. */
  refusedGreeting: (reply: { code: number; text: string }) => TestFailure;
}

/**
 * SMTP's STARTTLS (RFC 3207): the greeting, EHLO, and STARTTLS when the server offers it. A
 * server that does not offer it, or refuses it, is TLS_NOT_SUPPORTED: the password is never
 * sent in clear instead.
 */
export function smtpStartTls(options: SmtpStartTlsOptions): TlsUpgradeRequest {
  return async (socket, signal) => {
    const greeting = await smtpReply(socket, signal);
    if (greeting.code === 0) {
      throw new TestFailure(Code.UNEXPECTED_RESPONSE, {
        field: 'port',
        message: `The server on this port is not an SMTP server: it said "${excerpt(greeting.text, 80)}".`,
        hint: 'Check the port: SMTP submission is usually 587 (STARTTLS) or 465 (implicit TLS).',
      });
    }
    if (greeting.code !== 220) throw options.refusedGreeting(greeting);
    socket.write(`EHLO ${options.ehloName}\r\n`);
    const capabilities = await smtpReply(socket, signal);
    const notOffered = (reply: { code: number; text: string }) =>
      new TestFailure(Code.TLS_NOT_SUPPORTED, {
        field: options.encryptionField,
        message: 'The server does not offer STARTTLS on this port, so Plugboard did not sign in in clear.',
        hint: 'Use the port that offers STARTTLS (usually 587) or implicit TLS (465), or ask the administrator to enable TLS.',
        providerCode: String(reply.code),
        providerMessage: reply.text,
      });
    if (capabilities.code !== 250 || !/^250[ -]STARTTLS\b/im.test(capabilities.text)) throw notOffered(capabilities);
    socket.write('STARTTLS\r\n');
    const ready = await smtpReply(socket, signal);
    if (ready.code !== 220) throw notOffered(ready);
  };
}

/** PostgreSQL's SSLRequest: length 8 and the code 80877103 (protocol §55.2.10). */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * PostgreSQL's SSLRequest: the server answers one byte, S to go on with TLS or N when it has
 * TLS off (TLS_NOT_SUPPORTED on the SSL mode field). Anything else is not PostgreSQL.
 */
export function postgresSslRequest(options: { sslModeField: string; portField: string }): TlsUpgradeRequest {
  return async (socket, signal) => {
    socket.write(SSL_REQUEST);
    const answer = (await receive(socket, signal, (received) => received.length >= 1))[0];
    if (answer === 0x53) return; // 'S'
    if (answer === 0x4e) {
      throw new TestFailure(Code.TLS_NOT_SUPPORTED, {
        field: options.sslModeField,
        message: 'The PostgreSQL server has TLS turned off.',
        hint: 'Ask the administrator to turn ssl on in the server settings; set SSL mode to Disable only inside a trusted network.',
      });
    }
    throw new TestFailure(Code.UNEXPECTED_RESPONSE, {
      field: options.portField,
      message: 'Something other than PostgreSQL answered on this port.',
    });
  };
}

/** LDAP's StartTLS extended request (RFC 4511 §4.14), message id 1, DER-encoded. */
const START_TLS_REQUEST = Buffer.concat([
  Buffer.from([0x30, 0x1d, 0x02, 0x01, 0x01, 0x77, 0x18, 0x80, 0x16]),
  Buffer.from('1.3.6.1.4.1.1466.20037', 'latin1'),
]);

/** The bytes of one DER element starting at `offset`: where its content starts and ends. */
function derElement(bytes: Buffer, offset: number): { tag: number; start: number; end: number } | undefined {
  if (offset + 2 > bytes.length) return undefined;
  const first = bytes[offset + 1];
  if (first < 0x80) return { tag: bytes[offset], start: offset + 2, end: offset + 2 + first };
  const octets = first & 0x7f;
  if (octets > 4 || offset + 2 + octets > bytes.length) return undefined;
  const length = bytes.readUIntBE(offset + 2, octets);
  return { tag: bytes[offset], start: offset + 2 + octets, end: offset + 2 + octets + length };
}

/** The result code of an LDAP ExtendedResponse, or undefined when the bytes are not one. */
function extendedResultCode(bytes: Buffer): number | undefined {
  const message = derElement(bytes, 0);
  if (message?.tag !== 0x30) return undefined;
  const id = derElement(bytes, message.start);
  const response = id && derElement(bytes, id.end);
  if (response?.tag !== 0x78) return undefined;
  const result = derElement(bytes, response.start);
  return result?.tag === 0x0a ? bytes[result.start] : undefined;
}

/**
 * LDAP's StartTLS: a directory that refuses it (no certificate, or not offered) is
 * TLS_NOT_SUPPORTED, and Plugboard does not bind in clear instead.
 */
export function ldapStartTls(options: { encryptionField: string; portField: string }): TlsUpgradeRequest {
  return async (socket, signal) => {
    socket.write(START_TLS_REQUEST);
    const answer = await receive(socket, signal, (received) => {
      const message = derElement(received, 0);
      return !message || message.end <= received.length;
    });
    const code = extendedResultCode(answer);
    if (code === 0) return;
    if (code === undefined) {
      throw new TestFailure(Code.UNEXPECTED_RESPONSE, {
        field: options.portField,
        message: 'Something other than an LDAP directory answered on this port.',
      });
    }
    throw new TestFailure(Code.TLS_NOT_SUPPORTED, {
      field: options.encryptionField,
      message: 'The directory refused StartTLS, so Plugboard did not send the password in clear.',
      hint: 'Use LDAPS (port 636), or ask the administrator to install a certificate on the domain controller.',
      providerCode: `LDAP ${code}`,
    });
  };
}
