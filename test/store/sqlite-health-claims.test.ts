import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { aConfig } from '../support/store-fixtures';

/**
 * The SQLite adapter's health claims visit tenants one by one (a loose index scan), so every
 * tenant with due configs takes a turn in each claim, whatever the others have saved. (The
 * Cosmos adapter reads two bounded windows instead: see docs/health.md.)
 */
const now = '2999-01-01T00:00:00.000Z';
const until = '2999-01-01T00:10:00.000Z';

describe('SQLite health claims', () => {
  it("gives a tenant's one new config a turn beside another tenant's thousands, whichever sorts first", async () => {
    const store = new SqliteStore(':memory:');
    // The importing tenant's id sorts first: its never-checked configs lead every index.
    for (let index = 0; index < 2000; index += 1) await store.configs.create(aConfig('aaaa-importing'));
    const newcomer = aConfig('zzzz-newcomer');
    await store.configs.create(newcomer);
    const claimed = await store.configs.claimHealthChecks(now, until, 20);
    expect(claimed).toHaveLength(20);
    expect(claimed.map((config) => config.id)).toContain(newcomer.id);
    await store.close();
  });

  it('visits at most a thousand tenants per claim, and the next claim goes on from there', async () => {
    const store = new SqliteStore(':memory:');
    const tenants = Array.from({ length: 1005 }, (_, index) => `t-${String(index).padStart(4, '0')}`);
    for (const tenantId of tenants) await store.configs.create(aConfig(tenantId));
    const first = await store.configs.claimHealthChecks(now, until, 2000);
    expect(new Set(first.map((config) => config.tenantId))).toEqual(new Set(tenants.slice(0, 1000)));
    const second = await store.configs.claimHealthChecks(now, until, 2000);
    expect(second.map((config) => config.tenantId).sort()).toEqual(tenants.slice(1000));
    // Everything is held now; a claim that wraps round finds nothing, and does not loop.
    expect(await store.configs.claimHealthChecks(now, until, 2000)).toEqual([]);
    await store.close();
  });
});
