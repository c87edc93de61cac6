import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';

export interface FakeTcpPeer {
  port: number;
  stop(): Promise<void>;
}

/**
 * A TCP listener that misbehaves on purpose: `silent` accepts and never answers (a black hole
 * for timeouts), `close` hangs up at once, or a custom reply. Resets from clients are ignored.
 */
export async function startFakeTcpPeer(
  behaviour: 'silent' | 'close' | ((socket: Socket) => void),
): Promise<FakeTcpPeer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (behaviour === 'close') socket.destroy();
    else if (behaviour !== 'silent') behaviour(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on loopback that nothing listens on. */
export async function closedPort(): Promise<number> {
  const peer = await startFakeTcpPeer('close');
  await peer.stop();
  return peer.port;
}
