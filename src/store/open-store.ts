import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import type { PlugboardConfig } from '../environment';
import type { Logger } from '../logger';
import { CosmosStore } from './cosmos/cosmos.store';
import { SqliteStore } from './sqlite/sqlite.store';
import type { Store } from './store.port';

/** The store the configuration asks for: Cosmos DB when COSMOS_ENDPOINT is set, else SQLite. */
export async function openStore(
  config: PlugboardConfig,
  logger: Logger,
  onRequestCharge: (operation: string, requestUnits: number) => void = () => {},
): Promise<Store> {
  if (!config.cosmos) return new SqliteStore(join(config.dataDir, 'plugboard.db'));
  const { endpoint, key, database } = config.cosmos;
  return CosmosStore.open({
    endpoint,
    database,
    key,
    // Without an account key, sign in as the managed identity (or developer login) instead.
    credential: key ? undefined : new DefaultAzureCredential(),
    onRequestCharge: (operation, requestUnits) => {
      logger.debug({ operation, requestUnits }, 'cosmos request charge');
      onRequestCharge(operation, requestUnits);
    },
  });
}
