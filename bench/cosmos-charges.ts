import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { CosmosStore } from '../src/store/cosmos/cosmos.store';
import { benchConfig } from './stored-config';

/** The Cosmos DB emulator's well-known account key; the peer accepts any key, the SDK needs one. */
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

const config = (index: number) =>
  benchConfig(`Warehouse ${index}`, { connectorKey: index % 10 === 0 ? 'sftp' : 'postgresql' });

/**
 * The request charge (RU) the Cosmos store reports per operation, through the real SDK against
 * the emulator peer (@vercel/cosmosdb-server). The peer does not compute charges: what it
 * reports is printed as is, and docs/storage.md gives the real service's figures on paper.
 */
export async function cosmosChargesScenario(): Promise<void> {
  const server = createHttpServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const charges = new Map<string, number[]>();
  const store = await CosmosStore.open({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: EMULATOR_KEY,
    database: 'bench-charges',
    onRequestCharge: (operation, units) => charges.set(operation, [...(charges.get(operation) ?? []), units]),
  });
  try {
    const created = [];
    for (let index = 0; index < 200; index += 1) created.push(await store.configs.create(config(index)));
    await store.configs.getMany('bench', [created[0].id]);
    await store.configs.list('bench', {}, { first: 50 });
    await store.configs.list('bench', { connectorKey: 'sftp' }, { first: 50 });
    await store.configs.replace({ ...created[0], name: 'Renamed', nameLower: 'renamed', version: 2 }, 1);
    console.log('\nScenario: Cosmos DB request charges per store operation (the emulator peer; see docs/storage.md)');
    console.table(
      Object.fromEntries(
        [...charges].map(([operation, units]) => [
          operation,
          { calls: units.length, 'RU per call (as reported)': units.reduce((a, b) => a + b, 0) / units.length },
        ]),
      ),
    );
  } finally {
    await store.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
