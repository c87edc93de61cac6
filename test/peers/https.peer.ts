import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Pem } from './certificates';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void;

export interface HttpsPeer {
  /** https://localhost:<port> */
  url: string;
  port: number;
  requests: RecordedRequest[];
  connections: () => number;
  /** Replaces how the peer answers. */
  handle(handler: Handler): void;
  stop(): Promise<void>;
}

/** A local HTTPS server that answers however a test says, recording what it was sent. */
export async function startHttpsPeer(
  certificate: Pem,
  handler: Handler = (_r, res) => res.end('{}'),
): Promise<HttpsPeer> {
  let current = handler;
  let connections = 0;
  const requests: RecordedRequest[] = [];
  const server: Server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      current(request, response);
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  // TLS errors on the server side are expected in the failure tests.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    port,
    requests,
    connections: () => connections,
    handle: (next) => {
      current = next;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
