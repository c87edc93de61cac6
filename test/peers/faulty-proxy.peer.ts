import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FaultyProxy {
  endpoint: string;
  /** While set, requests whose path matches get this answer instead of reaching the peer. */
  fail(pathPattern: RegExp, fault: Fault): void;
  heal(): void;
  /** How many requests were answered with the fault. */
  faults(): number;
  stop(): Promise<void>;
}

/** A plain-HTTP proxy in front of a peer that can answer like an overloaded service. */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  let rule: { pathPattern: RegExp; fault: Fault } | undefined;
  let faults = 0;
  const server: Server = createServer((incoming, outgoing) => {
    if (rule?.pathPattern.test(incoming.url ?? '')) {
      faults += 1;
      incoming.resume();
      outgoing.writeHead(rule.fault.status, { 'content-type': 'application/json', ...rule.fault.headers });
      outgoing.end(rule.fault.body);
      return;
    }
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    fail: (pathPattern, fault) => {
      rule = { pathPattern, fault };
    },
    heal: () => {
      rule = undefined;
    },
    faults: () => faults,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
