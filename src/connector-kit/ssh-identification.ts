import type { Socket } from 'node:net';
import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import { excerpt } from './http-classification';
import { speaksTls } from './tls-negotiation';

export interface SshIdentificationOptions {
  /** The vetted address and port, to check whether a silent port speaks TLS instead. */
  address: string;
  port: number;
  /** The field naming the port, where "this is not SSH" is reported. */
  portField: string;
  /** How long to wait for a first line before checking for TLS (half a step). */
  quietMs: number;
}

/** How long other lines may come before the SSH- line (RFC 4253 §4.2 allows a few). */
const OTHER_LINES_GRACE_MS = 1000;

/**
 * Waits for the server's SSH identification line ("SSH-2.0-…") before the SSH client takes the
 * socket, so a server speaking another protocol is named at once (an FTP banner, an HTTP
 * answer, a TLS port) instead of an SSH handshake timing out. What was read is put back for
 * the client. A server that stays silent and is not TLS is left to the client's own timeout.
 */
export function awaitSshIdentification(
  socket: Socket,
  signal: AbortSignal,
  options: SshIdentificationOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    let grace: NodeJS.Timeout | undefined;
    let settled = false;
    const notSsh = (said: string) =>
      new TestFailure(Code.UNEXPECTED_RESPONSE, {
        field: options.portField,
        message: `The server on this port is not an SSH server: it said "${excerpt(said, 80)}".`,
        hint: 'Check the port: SFTP runs over SSH, usually on port 22 (FTP and FTPS are other protocols).',
      });
    const finish = (failure?: TestFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(grace);
      socket.off('data', onData);
      socket.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      socket.pause();
      if (failure) return reject(failure);
      if (received.length) socket.unshift(received);
      resolve();
    };
    const firstLine = () => received.toString('latin1').split(/\r?\n/)[0];
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const lines = received.toString('latin1').split(/\r?\n/);
      if (lines.some((line) => line.startsWith('SSH-'))) return finish();
      if (received.length > 8192) return finish(notSsh(firstLine()));
      grace ??= setTimeout(() => finish(notSsh(firstLine())), OTHER_LINES_GRACE_MS);
    };
    const onClose = () =>
      finish(
        received.length
          ? notSsh(firstLine())
          : new TestFailure(Code.CONNECTION_RESET, {
              field: options.portField,
              message: 'The server closed the connection without saying it speaks SSH.',
            }),
      );
    const onAbort = () => finish();
    const quiet = setTimeout(async () => {
      if (received.length) return;
      if (await speaksTls(options.address, options.port, signal)) {
        finish(
          new TestFailure(Code.UNEXPECTED_RESPONSE, {
            field: options.portField,
            message: 'The server on this port speaks TLS, not SSH.',
            hint: 'Check the port: SFTP runs over SSH, usually on port 22 (FTPS is another protocol).',
          }),
        );
      } else {
        finish();
      }
    }, options.quietMs);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}
