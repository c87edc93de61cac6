import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import type { StoredConfig, StoredRelay } from '../store/store.types';
import type { Services } from './services';

/**
 * Per-request batching: every config or relay a request touches is read in one store call per
 * kind, however many list items ask for it. Scoped to the caller's tenant by construction.
 */
export interface Loaders {
  configById: DataLoader<string, StoredConfig | undefined>;
  relayById: DataLoader<string, StoredRelay | undefined>;
}

function byId<T extends { id: string }>(ids: readonly string[], found: T[]): (T | undefined)[] {
  const index = new Map(found.map((item) => [item.id, item]));
  return ids.map((id) => index.get(id));
}

export function createLoaders(services: Services, principal: Principal): Loaders {
  return {
    configById: new DataLoader(async (ids) => byId(ids, await services.store.configs.getMany(principal.tenantId, ids))),
    relayById: new DataLoader(async (ids) => byId(ids, await services.store.relays.getMany(principal.tenantId, ids))),
  };
}
