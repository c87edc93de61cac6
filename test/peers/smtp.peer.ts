import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Pem } from './certificates';

export interface SmtpPeer {
  port: number;
  /** Every AUTH attempt: method, username and whether a password or token came. */
  attempts: { method: string; username: string }[];
  stop(): Promise<void>;
}

/** What the peer answers to AUTH: accept, or refuse with a reply code and text. */
export type AuthAnswer = 'accept' | { code: number; text: string };

/** A real SMTP server (smtp-server), answering AUTH however a test says. */
export async function startSmtpPeer(
  certificate: Pem,
  options: { answer?: (username: string, secret: string) => AuthAnswer; server?: Partial<SMTPServerOptions> } = {},
): Promise<SmtpPeer> {
  const attempts: SmtpPeer['attempts'] = [];
  const server = new SMTPServer({
    key: certificate.key,
    cert: certificate.cert,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    logger: false,
    onAuth(auth, _session, callback) {
      attempts.push({ method: auth.method, username: auth.username ?? '' });
      const answer = options.answer?.(auth.username ?? '', auth.password ?? auth.accessToken ?? '') ?? 'accept';
      if (answer === 'accept') return callback(null, { user: auth.username });
      const error = Object.assign(new Error(answer.text), { responseCode: answer.code });
      callback(error);
    },
    ...options.server,
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, attempts, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
