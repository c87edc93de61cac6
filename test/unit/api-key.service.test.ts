import { ApiKeyService } from '../../src/auth/api-key.service';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import type { Store } from '../../src/store/store.port';

/**
 * A verification that read a key just before it was revoked must not remember it: otherwise
 * the revoked key keeps working on this replica until the remembered entry expires (30 s).
 * The browser suite found this: a page's requests in flight while its key was revoked.
 */
describe('ApiKeyService', () => {
  it('does not remember a key whose verification raced its revocation', async () => {
    const sqlite = new SqliteStore(':memory:');
    let releaseRead: () => void = () => {};
    let holdReads = false;
    // The store read of a verification waits until the test lets it go.
    const store: Store = {
      ...sqlite,
      apiKeys: {
        ...sqlite.apiKeys,
        get: async (tenantId, keyId) => {
          const record = await sqlite.apiKeys.get(tenantId, keyId);
          if (holdReads) await new Promise<void>((resolve) => (releaseRead = resolve));
          return record;
        },
        revoke: sqlite.apiKeys.revoke.bind(sqlite.apiKeys),
      },
    } as Store;
    const service = new ApiKeyService(store);
    const { key, record } = await service.create('default', 'EDITOR', 'racer', 'test');

    holdReads = true;
    const inFlight = service.verify(key);
    await new Promise((resolve) => setImmediate(resolve));
    holdReads = false;
    await service.revoke('default', record.id);
    releaseRead();
    // The request that was already in flight may pass; the next one must not.
    expect(await inFlight).toMatchObject({ actor: `api-key:${record.id}` });
    expect(await service.verify(key)).toBeUndefined();
  });

  it('still remembers keys verified with no revocation in between', async () => {
    const sqlite = new SqliteStore(':memory:');
    let reads = 0;
    const store = {
      ...sqlite,
      apiKeys: {
        ...sqlite.apiKeys,
        get: (t: string, k: string) => {
          reads += 1;
          return sqlite.apiKeys.get(t, k);
        },
      },
    };
    const service = new ApiKeyService(store as unknown as Store);
    const { key } = await service.create('default', 'VIEWER', 'steady', 'test');
    await service.verify(key);
    await service.verify(key);
    expect(reads).toBe(1);
  });
});
