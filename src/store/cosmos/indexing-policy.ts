import type { IndexingPolicy } from '@azure/cosmos';

/**
 * What Cosmos DB indexes in each container. Every path stays indexed but those never queried:
 * locked values' ciphertext (`secrets`, `clearedSecrets`), the values a form holds, and wrapped
 * data keys. Nothing secret sits in an index, and writes cost fewer RU. Filtered lists order by
 * the filtered property, then id, so each filter has a composite index to page from instead of
 * sorting the tenant.
 */
export const INDEXING_POLICIES: Readonly<Record<string, IndexingPolicy>> = {
  configs: {
    indexingMode: 'consistent',
    includedPaths: [{ path: '/*' }],
    excludedPaths: [
      { path: '/secrets/*' },
      { path: '/clearedSecrets/*' },
      { path: '/values/*' },
      { path: '/"_etag"/?' },
    ],
    // Both directions written out: real Cosmos serves the reverse of a composite index, the
    // emulator the tests use does not, and the second index costs little.
    compositeIndexes: (['connectorKey', 'integrationKey'] as const).flatMap((property) =>
      (['ascending', 'descending'] as const).map((order) => [
        { path: `/${property}`, order },
        { path: '/id', order },
      ]),
    ),
  },
  dataKeys: {
    indexingMode: 'consistent',
    includedPaths: [{ path: '/*' }],
    excludedPaths: [{ path: '/wrapped/*' }, { path: '/"_etag"/?' }],
  },
  oauthGrants: {
    indexingMode: 'consistent',
    includedPaths: [{ path: '/*' }],
    excludedPaths: [{ path: '/tokens/*' }, { path: '/providerValues/*' }, { path: '/"_etag"/?' }],
  },
  oauthStatesById: {
    indexingMode: 'consistent',
    includedPaths: [{ path: '/*' }],
    excludedPaths: [{ path: '/verifier/*' }, { path: '/"_etag"/?' }],
  },
};

/** Whether a container's policy has every exclusion and composite index this version needs. */
export function policyIsCurrent(actual: IndexingPolicy | undefined, wanted: IndexingPolicy): boolean {
  const excluded = new Set((actual?.excludedPaths ?? []).map((path) => path.path));
  const composites = new Set(
    (actual?.compositeIndexes ?? []).map((index) => JSON.stringify(index.map((part) => [part.path, part.order]))),
  );
  return (
    (wanted.excludedPaths ?? []).every((path) => excluded.has(path.path)) &&
    (wanted.compositeIndexes ?? []).every((index) =>
      composites.has(JSON.stringify(index.map((part) => [part.path, part.order]))),
    )
  );
}
