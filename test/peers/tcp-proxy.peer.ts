import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  /** Cuts every connection through the proxy, as a network drop would. */
  dropAll(): void;
  /** While down, new connections are cut as soon as they open: the network stays out. */
  setDown(down: boolean): void;
  /** New connections go to another server, as a load balancer does when one replica dies. */
  retarget(target: string): void;
  stop(): Promise<void>;
}

/** A TCP proxy to a local server, whose connections a test can cut. */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  let { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((incoming) => {
    if (down) {
      incoming.destroy();
      return;
    }
    const outgoing = connect(Number(port), hostname);
    track(incoming);
    track(outgoing);
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    retarget: (next) => {
      ({ hostname, port } = new URL(next));
    },
    setDown: (value) => {
      down = value;
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
