import { v7 as uuidv7 } from 'uuid';
import { ConflictError } from '../../src/errors';
import { CosmosStore } from '../../src/store/cosmos/cosmos.store';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { VersionConflictError } from '../../src/store/store.errors';
import type { Store } from '../../src/store/store.port';
import { SCHEMA_VERSION, type StoredConfig } from '../../src/store/store.types';
import { type CosmosPeer, startCosmosPeer } from '../peers/cosmos.peer';
import { aConfig, aGrant, anOAuthState, aRelay } from '../support/store-fixtures';

/**
 * One contract, every adapter: the same suite runs against the embedded SQLite store and
 * against the Cosmos DB adapter (real SDK, real wire protocol, in-process peer).
 */
interface Engine {
  name: string;
  open(): Promise<Store>;
  stop(): Promise<void>;
}

let peer: CosmosPeer | undefined;
const engines: Engine[] = [
  { name: 'sqlite', open: async () => new SqliteStore(':memory:'), stop: async () => {} },
  {
    name: 'cosmos',
    open: async () => {
      peer ??= await startCosmosPeer();
      return CosmosStore.open({
        endpoint: peer.endpoint,
        key: peer.key,
        agent: peer.agent,
        database: `contract-${uuidv7()}`,
      });
    },
    stop: async () => {
      await peer?.stop();
      peer = undefined;
    },
  },
];

describe.each(engines)('the $name store', (engine) => {
  let store: Store;
  const tenant = () => `t-${uuidv7().slice(-12)}`;

  beforeAll(async () => {
    store = await engine.open();
  });

  afterAll(async () => {
    await store.close();
    await engine.stop();
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('configs', () => {
    it('creates and reads back a config, whole', async () => {
      const tenantId = tenant();
      const config = aConfig(tenantId, { values: { host: 'h', port: 5432, tags: ['a'] } });
      await store.configs.create(config);
      expect(await store.configs.getMany(tenantId, [config.id])).toEqual([config]);
    });

    it('refuses a second create with the same id', async () => {
      const config = aConfig(tenant());
      await store.configs.create(config);
      await expect(store.configs.create(config)).rejects.toBeInstanceOf(ConflictError);
    });

    it("never returns another tenant's config", async () => {
      const mine = aConfig(tenant());
      const theirs = aConfig(tenant());
      await store.configs.create(mine);
      await store.configs.create(theirs);
      expect(await store.configs.getMany(mine.tenantId, [mine.id, theirs.id])).toEqual([mine]);
      // One id alone is a point read on Cosmos: the same rule holds.
      expect(await store.configs.getMany(mine.tenantId, [theirs.id])).toEqual([]);
      expect(await store.configs.getMany(theirs.tenantId, [theirs.id])).toEqual([theirs]);
      const listed = await store.configs.list(mine.tenantId, {}, { first: 50 });
      expect(listed.items.map((c) => c.id)).toEqual([mine.id]);
    });

    it('replaces only at the expected version', async () => {
      const config = aConfig(tenant());
      await store.configs.create(config);
      const next = { ...config, name: 'renamed', nameLower: 'renamed', version: 2 };
      await store.configs.replace(next, 1);
      expect((await store.configs.getMany(config.tenantId, [config.id]))[0].name).toBe('renamed');
      const stale = store.configs.replace({ ...config, version: 2 }, 1);
      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    });

    it('lets exactly one of two concurrent writers with the same version win', async () => {
      const config = aConfig(tenant());
      await store.configs.create(config);
      const results = await Promise.allSettled(
        ['a', 'b', 'c', 'd'].map((name) => store.configs.replace({ ...config, name, nameLower: name, version: 2 }, 1)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const rejected of results.filter((r) => r.status === 'rejected')) {
        expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
      }
    });

    it('deletes only at the expected version, and says when nothing was there', async () => {
      const config = aConfig(tenant());
      await store.configs.create(config);
      await expect(store.configs.delete(config.tenantId, config.id, 7)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.configs.delete(config.tenantId, config.id, 1)).toBe(true);
      expect(await store.configs.delete(config.tenantId, config.id, 1)).toBe(false);
      expect(await store.configs.getMany(config.tenantId, [config.id])).toEqual([]);
    });

    it('pages in creation order without losing or repeating, and filters', async () => {
      const tenantId = tenant();
      const created: StoredConfig[] = [];
      for (let index = 0; index < 7; index += 1) {
        const config = aConfig(tenantId, {
          name: `Finance ${index}`,
          nameLower: `finance ${index}`,
          connectorKey: index % 2 ? 'sftp' : 'postgresql',
          integrationKey: index < 3 ? 'file-export' : null,
        });
        created.push(await store.configs.create(config));
      }
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<Store['configs']['list']>> = await store.configs.list(
          tenantId,
          {},
          { first: 3, after },
        );
        seen.push(...page.items.map((c) => c.id));
        after = page.hasNextPage ? page.endCursor : null;
        pages += 1;
      } while (after && pages < 10);
      expect(seen).toEqual(created.map((c) => c.id));

      // Backward from the end (last, before), page by page, the same items in the same order.
      const ids = created.map((c) => c.id);
      const tail = await store.configs.list(tenantId, {}, { last: 3 });
      expect(tail.items.map((c) => c.id)).toEqual(ids.slice(4));
      expect(tail).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      const middle = await store.configs.list(tenantId, {}, { last: 3, before: tail.startCursor });
      expect(middle.items.map((c) => c.id)).toEqual(ids.slice(1, 4));
      expect(middle).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      const head = await store.configs.list(tenantId, {}, { last: 3, before: middle.startCursor });
      expect(head.items.map((c) => c.id)).toEqual(ids.slice(0, 1));
      expect(head).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      // Forward pages know what lies before them, and where they start.
      const second = await store.configs.list(tenantId, {}, { first: 3, after: head.endCursor });
      expect(second).toMatchObject({ hasPreviousPage: true, startCursor: middle.startCursor });

      const sftp = await store.configs.list(tenantId, { connectorKey: 'sftp' }, { first: 10 });
      expect(sftp.items.map((c) => c.name)).toEqual(['Finance 1', 'Finance 3', 'Finance 5']);
      const exports = await store.configs.list(tenantId, { integrationKey: 'file-export' }, { first: 10 });
      expect(exports.items).toHaveLength(3);
      const named = await store.configs.list(tenantId, { nameContains: 'NCE 4' }, { first: 10 });
      expect(named.items.map((c) => c.name)).toEqual(['Finance 4']);
    });

    it('finds configs by any part of their name, through renames and deletions, reading search syntax as text', async () => {
      const tenantId = tenant();
      const named = (name: string) => aConfig(tenantId, { name, nameLower: name.toLowerCase() });
      const payroll = named('Payroll export');
      await store.configs.create(payroll);
      await store.configs.create(named('Warehouse "east" OR *'));
      await store.configs.create(named('Déjà vu'));
      await store.configs.create(aConfig(tenant(), { name: 'Payroll elsewhere', nameLower: 'payroll elsewhere' }));
      const search = async (term: string) =>
        (await store.configs.list(tenantId, { nameContains: term }, { first: 10 })).items.map((c) => c.name);
      expect(await search('ROLL EX')).toEqual(['Payroll export']);
      expect(await search('payroll')).toEqual(['Payroll export']);
      expect(await search('"east" or *')).toEqual(['Warehouse "east" OR *']);
      expect(await search('déjà')).toEqual(['Déjà vu']);
      expect(await search('ro')).toEqual(['Payroll export']);
      expect(await search('nothing like it')).toEqual([]);
      await store.configs.replace({ ...payroll, name: 'Ledger', nameLower: 'ledger', version: 2 }, 1);
      expect(await search('payroll')).toEqual([]);
      expect(await search('ledg')).toEqual(['Ledger']);
      await store.configs.delete(tenantId, payroll.id, 2);
      expect(await search('ledg')).toEqual([]);
    });

    it('records a test outcome without changing the version', async () => {
      const config = aConfig(tenant());
      await store.configs.create(config);
      const lastTest = { ok: false, code: 'INVALID_CREDENTIALS', at: new Date().toISOString(), by: 'api-key:1' };
      expect(await store.configs.recordTest(config.tenantId, config.id, lastTest)).toBe(true);
      const [stored] = await store.configs.getMany(config.tenantId, [config.id]);
      expect(stored).toMatchObject({ lastTest, version: 1 });
      expect(await store.configs.recordTest(tenant(), config.id, lastTest)).toBe(false);
    });

    it('refuses a cursor it did not give out', async () => {
      await expect(store.configs.list(tenant(), {}, { first: 2, after: 'bogus' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });
  });

  describe('api keys', () => {
    it('creates, lists, and revokes within a tenant', async () => {
      const tenantId = tenant();
      const at = new Date().toISOString();
      const key = {
        tenantId,
        id: uuidv7(),
        schemaVersion: SCHEMA_VERSION,
        name: 'ci',
        role: 'ADMIN' as const,
        hash: 'ab'.repeat(32),
        displayPrefix: 'pbk_x',
        createdAt: at,
        createdBy: 'test',
        revokedAt: null,
      };
      await store.apiKeys.create(key);
      expect(await store.apiKeys.get(tenantId, key.id)).toEqual(key);
      expect(await store.apiKeys.get(tenant(), key.id)).toBeUndefined();
      expect(await store.apiKeys.list(tenantId)).toEqual([key]);
      expect(await store.apiKeys.revoke(tenantId, key.id, at)).toBe(true);
      expect((await store.apiKeys.get(tenantId, key.id))?.revokedAt).toBe(at);
      expect(await store.apiKeys.revoke(tenantId, 'missing', at)).toBe(false);
    });
  });

  describe('data keys', () => {
    it('keeps one per tenant, re-wraps only from the expected key, and lists them all', async () => {
      const tenantId = tenant();
      const key = {
        tenantId,
        id: 'data-key',
        schemaVersion: SCHEMA_VERSION,
        kekId: 'kek-1',
        wrapped: 'AAAA',
        createdAt: new Date().toISOString(),
        rewrappedAt: null,
      };
      await store.dataKeys.create(key);
      await expect(store.dataKeys.create(key)).rejects.toBeInstanceOf(ConflictError);
      const rewrapped = { ...key, kekId: 'kek-2', wrapped: 'BBBB', rewrappedAt: new Date().toISOString() };
      await store.dataKeys.rewrap(rewrapped, 'kek-1');
      await expect(store.dataKeys.rewrap(rewrapped, 'kek-1')).rejects.toBeInstanceOf(ConflictError);
      expect(await store.dataKeys.get(tenantId)).toEqual(rewrapped);
      const all: string[] = [];
      for await (const each of store.dataKeys.listAll()) all.push(each.tenantId);
      expect(all).toContain(tenantId);
      expect(await store.dataKeys.countAll()).toBe(all.length);
    });
  });

  describe('audit events', () => {
    it("lists a tenant's events newest first, in pages", async () => {
      const tenantId = tenant();
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const id = uuidv7();
        ids.push(id);
        await store.audit.append({
          tenantId,
          id,
          schemaVersion: SCHEMA_VERSION,
          at: new Date().toISOString(),
          actor: 'key:1',
          action: 'config.updated',
          targetId: 'c1',
          fields: ['host'],
        });
      }
      const first = await store.audit.list(tenantId, { first: 3 });
      expect(first.items.map((e) => e.id)).toEqual(ids.slice(2).reverse());
      expect(first.hasNextPage).toBe(true);
      const second = await store.audit.list(tenantId, { first: 3, after: first.endCursor });
      expect(second.items.map((e) => e.id)).toEqual(ids.slice(0, 2).reverse());
      expect(second.hasPreviousPage).toBe(true);
      // Backward from the oldest: towards newer events, still newest first within the page.
      const newer = await store.audit.list(tenantId, { last: 2, before: second.startCursor });
      expect(newer.items.map((e) => e.id)).toEqual(ids.slice(2, 4).reverse());
      expect(newer).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      expect((await store.audit.list(tenant(), { first: 3 })).items).toEqual([]);
    });
  });

  describe('relays', () => {
    it("reads a tenant's relays by id", async () => {
      const tenantId = tenant();
      const relay = aRelay(tenantId, { name: 'dc-1' });
      await store.relays.create(relay);
      expect(await store.relays.getMany(tenantId, [relay.id, 'missing'])).toEqual([relay]);
      expect(await store.relays.getMany(tenant(), [relay.id])).toEqual([]);
    });

    it('lists, replaces and counts tests atomically', async () => {
      const tenantId = tenant();
      const relay = aRelay(tenantId);
      await store.relays.create(relay);
      await Promise.all([
        store.relays.recordTest(tenantId, relay.id, false),
        store.relays.recordTest(tenantId, relay.id, true),
      ]);
      await store.relays.replace({ ...relay, tokenHash: 'ff'.repeat(32), revokedAt: '2026-11-29T00:00:00.000Z' });
      expect(await store.relays.list(tenantId)).toEqual([
        { ...relay, tokenHash: 'ff'.repeat(32), revokedAt: '2026-11-29T00:00:00.000Z', testsRun: 2, testsFailed: 1 },
      ]);
      expect(await store.relays.list(tenant())).toEqual([]);
    });
  });

  describe('webhooks and deliveries', () => {
    const sealed = { alg: 'A256GCM' as const, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' };
    const webhook = (tenantId: string) => ({
      tenantId,
      id: uuidv7(),
      schemaVersion: SCHEMA_VERSION,
      url: 'https://hooks.example/plugboard',
      events: [],
      secret: sealed,
      createdAt: '2026-12-03T05:00:00.000Z',
      createdBy: 'key:1',
      secretRotatedAt: null,
    });
    const delivery = (tenantId: string, webhookId: string, nextAttemptAt: string) => ({
      tenantId,
      id: uuidv7(),
      schemaVersion: SCHEMA_VERSION,
      webhookId,
      eventId: uuidv7(),
      eventType: 'config.health.failing',
      payload: '{}',
      status: 'PENDING' as const,
      attempts: 0,
      nextAttemptAt,
      claimedUntil: null,
      lastStatusCode: null,
      lastError: null,
      createdAt: nextAttemptAt,
      deliveredAt: null,
    });

    it("keeps a tenant's webhooks, replaces and deletes them with their deliveries", async () => {
      const tenantId = tenant();
      const hook = webhook(tenantId);
      await store.webhooks.create(hook);
      expect(await store.webhooks.list(tenantId)).toEqual([hook]);
      expect(await store.webhooks.list(tenant())).toEqual([]);
      expect(await store.webhooks.replace({ ...hook, secretRotatedAt: '2026-12-03T06:00:00.000Z' })).toBe(true);
      await store.deliveries.create([delivery(tenantId, hook.id, '2000-01-01T00:00:00.000Z')]);
      expect((await store.deliveries.list(tenantId, hook.id, { first: 10 })).items).toHaveLength(1);
      expect(await store.webhooks.delete(tenantId, hook.id)).toBe(true);
      expect(await store.webhooks.list(tenantId)).toEqual([]);
      expect((await store.deliveries.list(tenantId, null, { first: 10 })).items).toEqual([]);
      expect(await store.webhooks.delete(tenantId, hook.id)).toBe(false);
    });

    it('hands a due delivery to one sender at a time, and records attempts', async () => {
      const tenantId = tenant();
      const hook = webhook(tenantId);
      await store.webhooks.create(hook);
      const due = delivery(tenantId, hook.id, '2001-01-01T00:00:00.000Z');
      const later = delivery(tenantId, hook.id, '2999-01-01T00:00:00.000Z');
      await store.deliveries.create([due, later]);
      const now = '2500-01-01T00:00:00.000Z';
      const until = '2500-01-01T00:01:00.000Z';
      const [a, b] = await Promise.all([
        store.deliveries.claimDue(now, until, 100),
        store.deliveries.claimDue(now, until, 100),
      ]);
      const ours = [...a, ...b].filter((d) => d.tenantId === tenantId);
      expect(ours.map((d) => d.id)).toEqual([due.id]);
      await store.deliveries.record({
        ...ours[0],
        status: 'DELIVERED',
        attempts: 1,
        deliveredAt: now,
        lastStatusCode: 204,
      });
      const after = (
        await store.deliveries.claimDue('2600-01-01T00:00:00.000Z', '2600-01-01T00:01:00.000Z', 100)
      ).filter((d) => d.tenantId === tenantId);
      expect(after).toEqual([]);
      const listed = await store.deliveries.list(tenantId, hook.id, { first: 10 });
      expect(listed.items.map((d) => [d.id, d.status])).toEqual([
        [later.id, 'PENDING'],
        [due.id, 'DELIVERED'],
      ]);
    });

    it('purges finished deliveries past retention, in batches, and never a pending one', async () => {
      const tenantId = tenant();
      const hook = webhook(tenantId);
      await store.webhooks.create(hook);
      // Older than anything else in this store, so the purge (which crosses tenants) finds only these.
      const delivered = { ...delivery(tenantId, hook.id, '1990-01-01T00:00:00.000Z'), status: 'DELIVERED' as const };
      const failed = { ...delivery(tenantId, hook.id, '1990-01-02T00:00:00.000Z'), status: 'FAILED' as const };
      const pending = delivery(tenantId, hook.id, '1990-01-03T00:00:00.000Z');
      const recent = { ...delivery(tenantId, hook.id, '1996-01-01T00:00:00.000Z'), status: 'DELIVERED' as const };
      await store.deliveries.create([delivered, failed, pending, recent]);
      const before = '1995-01-01T00:00:00.000Z';
      expect(await store.deliveries.purgeFinished(before, 1)).toBe(1);
      expect(await store.deliveries.purgeFinished(before, 10)).toBe(1);
      expect(await store.deliveries.purgeFinished(before, 10)).toBe(0);
      const left = await store.deliveries.list(tenantId, hook.id, { first: 10 });
      expect(left.items.map((d) => d.id).sort()).toEqual([pending.id, recent.id].sort());
    });
  });

  describe('health checks', () => {
    const health = (status: 'HEALTHY' | 'FAILING') => ({
      status,
      checkedAt: '2026-12-03T05:00:00.000Z',
      issues: [],
      warnedExpiries: {},
    });

    it('claims due configs once, across callers, and records findings without a new version', async () => {
      const tenants = [tenant(), tenant()];
      const made = [aConfig(tenants[0]), aConfig(tenants[1]), aConfig(tenants[0])];
      for (const config of made) await store.configs.create(config);
      const now = '2999-01-01T00:00:00.000Z';
      const until = '2999-01-01T00:02:00.000Z';
      // Never checked: due. Two claims at once split them; none is handed out twice.
      const [first, second] = await Promise.all([
        store.configs.claimHealthChecks(now, until, 1000),
        store.configs.claimHealthChecks(now, until, 1000),
      ]);
      const ours = (list: { id: string }[]) => list.filter((c) => made.some((m) => m.id === c.id)).map((c) => c.id);
      expect([...ours(first), ...ours(second)].sort()).toEqual(made.map((c) => c.id).sort());
      // Held: not handed out again until the claim lapses.
      expect(ours(await store.configs.claimHealthChecks(now, until, 1000))).toEqual([]);
      expect(
        ours(
          await store.configs.claimHealthChecks('2999-01-01T00:03:00.000Z', '2999-01-01T00:05:00.000Z', 1000),
        ).sort(),
      ).toEqual(made.map((c) => c.id).sort());

      expect(
        await store.configs.recordHealth(tenants[0], made[0].id, health('FAILING'), '3000-01-01T00:00:00.000Z', null),
      ).toBe('RECORDED');
      const [read] = await store.configs.getMany(tenants[0], [made[0].id]);
      expect(read).toEqual({ ...made[0], health: health('FAILING') });
      // Recorded: not due until its next check, and the claim is released.
      expect(
        ours(await store.configs.claimHealthChecks('2999-06-01T00:00:00.000Z', '2999-06-01T00:02:00.000Z', 1000)),
      ).not.toContain(made[0].id);
      expect(
        ours(await store.configs.claimHealthChecks('3000-01-01T00:00:00.000Z', '3000-01-01T00:02:00.000Z', 1000)),
      ).toContain(made[0].id);
      expect(await store.configs.recordHealth(tenants[0], 'missing', health('HEALTHY'), now, null)).toBe('GONE');
    });

    it('shares a claim between tenants: a backlog in one does not starve the others', async () => {
      const now = '2998-01-01T00:00:00.000Z';
      const until = '2998-01-01T00:10:00.000Z';
      // Everything due so far is claimed first, so that the claims below see only what is made here.
      while ((await store.configs.claimHealthChecks(now, until, 1000)).length) {}
      const busy = tenant();
      const quiet = tenant();
      for (let index = 0; index < 6; index += 1) await store.configs.create(aConfig(busy));
      for (let index = 0; index < 2; index += 1) await store.configs.create(aConfig(quiet));
      const byTenant = (claimed: { tenantId: string }[]) => ({
        busy: claimed.filter((config) => config.tenantId === busy).length,
        quiet: claimed.filter((config) => config.tenantId === quiet).length,
      });
      const first = await store.configs.claimHealthChecks(now, until, 4);
      expect(byTenant(first)).toEqual({ busy: 2, quiet: 2 });
      expect(first.every((config) => config.values && config.name)).toBe(true);
      expect(byTenant(await store.configs.claimHealthChecks(now, until, 10))).toEqual({ busy: 4, quiet: 0 });
    });

    it('gives a tenant with one overdue config its turn beside a tenant that just saved many', async () => {
      const now = '2998-02-01T00:00:00.000Z';
      const until = '2998-02-01T00:10:00.000Z';
      while ((await store.configs.claimHealthChecks(now, until, 1000)).length) {}
      const importing = tenant();
      const waiting = tenant();
      // Checked once, and due again before the claim: overdue, with a date.
      const old = aConfig(waiting);
      await store.configs.create(old);
      expect(
        await store.configs.recordHealth(waiting, old.id, health('HEALTHY'), '2998-01-15T00:00:00.000Z', null),
      ).toBe('RECORDED');
      // Never checked: these sort first, and there are more than any window of a claim of 4.
      for (let index = 0; index < 60; index += 1) await store.configs.create(aConfig(importing));
      const claimed = await store.configs.claimHealthChecks(now, until, 4);
      expect(claimed).toHaveLength(4);
      expect(claimed.map((config) => config.id)).toContain(old.id);
    });

    it('records a health check only over the check it started from', async () => {
      const tenantId = tenant();
      const config = aConfig(tenantId);
      await store.configs.create(config);
      const due = '3000-01-01T00:00:00.000Z';
      const first = { ...health('FAILING'), checkedAt: '2999-01-01T00:00:00.000Z' };
      // Two checks started from "never checked": the first recorded wins, the other changes nothing.
      expect(await store.configs.recordHealth(tenantId, config.id, first, due, null)).toBe('RECORDED');
      expect(
        await store.configs.recordHealth(
          tenantId,
          config.id,
          { ...health('HEALTHY'), checkedAt: first.checkedAt },
          due,
          null,
        ),
      ).toBe('SUPERSEDED');
      const next = { ...health('HEALTHY'), checkedAt: '2999-01-02T00:00:00.000Z' };
      expect(await store.configs.recordHealth(tenantId, config.id, next, due, first.checkedAt)).toBe('RECORDED');
      expect(await store.configs.recordHealth(tenantId, config.id, first, due, first.checkedAt)).toBe('SUPERSEDED');
      const [read] = await store.configs.getMany(tenantId, [config.id]);
      expect(read?.health).toEqual(next);
    });
  });

  describe('OAuth grants', () => {
    it('stores one grant per config, written by revision, gone with its config', async () => {
      const tenantId = tenant();
      const config = aConfig(tenantId);
      await store.configs.create(config);
      const grant = aGrant(tenantId, config.id);
      await store.oauthGrants.put(grant, 0);
      expect(await store.oauthGrants.getMany(tenantId, [config.id, 'missing'])).toEqual([grant]);
      expect(await store.oauthGrants.getMany(tenant(), [config.id])).toEqual([]);

      const refreshed = { ...grant, revision: 2, lastRefreshedAt: '2026-12-03T05:30:00.000Z' };
      await store.oauthGrants.put(refreshed, 1);
      // A writer that read revision 1 lost: it is told the revision that won.
      await expect(store.oauthGrants.put({ ...grant, revision: 2 }, 1)).rejects.toEqual(new VersionConflictError(2));
      // A new connection replaces whatever is there.
      const reconnected = aGrant(tenantId, config.id, { revision: 1, connectedBy: 'key:2' });
      await store.oauthGrants.put(reconnected, 0);
      expect(await store.oauthGrants.getMany(tenantId, [config.id])).toEqual([reconnected]);

      await store.configs.delete(tenantId, config.id, config.version);
      expect(await store.oauthGrants.getMany(tenantId, [config.id])).toEqual([]);
    });

    it('refuses a grant for a config that does not exist', async () => {
      const tenantId = tenant();
      await expect(store.oauthGrants.put(aGrant(tenantId, uuidv7()), 0)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.oauthGrants.put(aGrant(tenantId, uuidv7()), 3)).rejects.toBeInstanceOf(ConflictError);
    });

    it('lists connected grants idle since before a time, across tenants, oldest first', async () => {
      const before = '2000-01-10T00:00:00.000Z';
      const made = [];
      for (const [at, status] of [
        ['2000-01-03T00:00:00.000Z', 'CONNECTED'],
        ['2000-01-01T00:00:00.000Z', 'CONNECTED'],
        ['2000-01-02T00:00:00.000Z', 'REFRESH_FAILED'],
        ['2000-01-11T00:00:00.000Z', 'CONNECTED'],
      ] as const) {
        const config = aConfig(tenant());
        await store.configs.create(config);
        const grant = aGrant(config.tenantId, config.id, {
          status,
          connectedAt: '1999-12-01T00:00:00.000Z',
          lastRefreshedAt: at,
        });
        await store.oauthGrants.put(grant, 0);
        made.push(grant);
      }
      const idle = await store.oauthGrants.listIdle(before, 10);
      expect(idle.map((grant) => grant.lastRefreshedAt)).toEqual([
        '2000-01-01T00:00:00.000Z',
        '2000-01-03T00:00:00.000Z',
      ]);
      expect(await store.oauthGrants.listIdle(before, 1)).toEqual([made[1]]);
    });
  });

  describe('OAuth states', () => {
    it('hands a state out once', async () => {
      const state = anOAuthState(tenant());
      await store.oauthStates.create(state);
      const [first, second] = await Promise.all([store.oauthStates.take(state.id), store.oauthStates.take(state.id)]);
      expect([first, second].filter(Boolean)).toEqual([state]);
      expect(await store.oauthStates.take(state.id)).toBeUndefined();
      expect(await store.oauthStates.take('never-made')).toBeUndefined();
    });

    it('marks a state opened in a browser once, and only with its binding', async () => {
      const state = anOAuthState(tenant());
      await store.oauthStates.create(state);
      const at = '2026-12-03T10:00:00.000Z';
      expect(await store.oauthStates.open(state.id, 'c'.repeat(64), at)).toBeUndefined();
      expect(await store.oauthStates.open('never-made', state.bindingHash, at)).toBeUndefined();
      const opened = await Promise.all([
        store.oauthStates.open(state.id, state.bindingHash, at),
        store.oauthStates.open(state.id, state.bindingHash, at),
      ]);
      expect(opened.filter(Boolean)).toEqual([{ ...state, openedAt: at }]);
      expect(await store.oauthStates.take(state.id)).toEqual({ ...state, openedAt: at });
    });
  });
});
