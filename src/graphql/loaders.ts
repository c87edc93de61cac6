import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import type { RelayLiveState } from '../fleet/agent-snapshot';
import type { StoredConfig, StoredOAuthGrant, StoredRelay } from '../store/store.types';
import type { Services } from './services';

/**
 * Per-request batching: every config or relay a request touches is read in one store call per
 * kind (and relays' live state in one directory read), however many list items ask for it. Scoped to the caller's tenant by construction.
 */
export interface Loaders {
  configById: DataLoader<string, StoredConfig | undefined>;
  relayById: DataLoader<string, StoredRelay | undefined>;
  /** Relays' live state from their agents: one directory read for every relay in the request. */
  relayState: DataLoader<string, RelayLiveState>;
  /** OAuth grants by config id: one store call for every config in the request. */
  grantByConfigId: DataLoader<string, StoredOAuthGrant | undefined>;
}

function byId<T extends { id: string }>(ids: readonly string[], found: T[]): (T | undefined)[] {
  const index = new Map(found.map((item) => [item.id, item]));
  return ids.map((id) => index.get(id));
}

export function createLoaders(services: Services, principal: Principal): Loaders {
  return {
    configById: new DataLoader(async (ids) => byId(ids, await services.store.configs.getMany(principal.tenantId, ids))),
    relayById: new DataLoader(async (ids) => byId(ids, await services.store.relays.getMany(principal.tenantId, ids))),
    relayState: new DataLoader(async (ids) => {
      const states = await services.relayBroker.states(principal.tenantId, ids);
      return ids.map((id) => states.get(id) ?? new Error(`no state for relay ${id}`));
    }),
    grantByConfigId: new DataLoader(async (ids) =>
      byId(ids, await services.store.oauthGrants.getMany(principal.tenantId, ids)),
    ),
  };
}
