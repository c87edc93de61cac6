import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHttpServer, createHttpsServer } from '@vercel/cosmosdb-server';

/** The emulator's well-known account key; the peer accepts any key, the SDK needs one. */
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosPeer {
  endpoint: string;
  key: string;
  /** Trusts the peer's self-signed certificate (HTTPS only). Test code only, never production paths. */
  agent?: Agent;
  stop(): Promise<void>;
}

/**
 * A Cosmos DB SQL API peer in this process (@vercel/cosmosdb-server), reached by the real
 * @azure/cosmos SDK with keep-alive. It keeps data in memory only. HTTPS by default; plain
 * HTTP lets a test put its own proxy in front of it.
 */
export async function startCosmosPeer(protocol: 'https' | 'http' = 'https'): Promise<CosmosPeer> {
  const server =
    protocol === 'https' ? createHttpsServer({ keepAlive: true } as never) : createHttpServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = protocol === 'https' ? new Agent({ rejectUnauthorized: false, keepAlive: true }) : undefined;
  return {
    endpoint: `${protocol}://127.0.0.1:${port}`,
    key: EMULATOR_KEY,
    agent,
    stop: async () => {
      agent?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
