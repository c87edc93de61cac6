import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError } from '../../errors';
import { fairTurns } from '../fair-turns';
import { pageOf, planPage } from '../page-cursor';
import { VersionConflictError } from '../store.errors';
import type { ConfigFilter, PageRequest, Store } from '../store.port';
import type {
  StoredApiKey,
  StoredAuditEvent,
  StoredConfig,
  StoredDataKey,
  StoredDelivery,
  StoredOAuthGrant,
  StoredOAuthState,
  StoredRelay,
  StoredWebhook,
} from '../store.types';
import { migrate } from './sqlite.schema';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') ?? false;
}

/**
 * The index a filtered list reads. Named, because without statistics SQLite prefers the
 * primary key (it avoids a sort) and scans the whole tenant for a connector that has no match.
 */
function indexFor(filter: ConfigFilter): string {
  if (filter.connectorKey) return 'INDEXED BY configs_by_connector';
  if (filter.integrationKey) return 'INDEXED BY configs_by_integration';
  return '';
}

/** The trigram index finds substrings of three characters or more. */
const TRIGRAM = 3;
/** Past this many matching names (in every tenant), a name search reads in id order instead. */
const SELECTIVE_MATCHES = 2_000;

/** A search term as an FTS5 phrase: matched as a substring, quotes doubled, no query syntax. */
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** Tenants a health claim visits at most; the next claim goes on from there. */
const MAX_TENANTS_PER_CLAIM = 1000;

/**
 * The embedded default: one SQLite file, nothing else to run. Ids are time-ordered, so
 * ordering by id is ordering by creation, and keyset paging on id never skips or repeats.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // Wait for a lock rather than fail: replicas on one host may share the file (development, tests).
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    migrate(this.db);
  }

  /**
   * Whether the name index should drive a search: the term is long enough for trigrams and
   * matches few names. A common term is found faster by reading the tenant in id order, which
   * stops at the first page of matches.
   */
  private searchIsSelective(term: string): boolean {
    if ([...term].length < TRIGRAM) return false;
    const { matches } = this.db
      .prepare(
        `SELECT count(*) AS matches FROM (SELECT rowid FROM config_names_search WHERE config_names_search MATCH ? LIMIT ${SELECTIVE_MATCHES})`,
      )
      .get(phrase(term)) as { matches: number };
    return matches < SELECTIVE_MATCHES;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private documents<T>(sql: string, ...params: unknown[]): T[] {
    return (this.db.prepare(sql).all(...params) as { doc: string }[]).map((row) => JSON.parse(row.doc) as T);
  }

  configs: Store['configs'] = {
    getMany: async (tenantId, ids) => {
      if (ids.length === 0) return [];
      const marks = ids.map(() => '?').join(',');
      return this.documents<StoredConfig>(
        `SELECT doc FROM configs WHERE tenant_id = ? AND id IN (${marks})`,
        tenantId,
        ...ids,
      );
    },

    list: async (tenantId, filter: ConfigFilter, request: PageRequest) => {
      const plan = planPage(request, 'ASC');
      const where = ['tenant_id = ?'];
      const params: unknown[] = [tenantId];
      if (filter.connectorKey) {
        where.push('connector_key = ?');
        params.push(filter.connectorKey);
      }
      if (filter.integrationKey) {
        where.push('integration_key = ?');
        params.push(filter.integrationKey);
      }
      if (filter.nameContains) {
        const term = filter.nameContains.toLowerCase();
        if (this.searchIsSelective(term)) {
          where.push(
            'id IN (SELECT n.id FROM config_names_search JOIN config_names n ON n.rowid = config_names_search.rowid WHERE config_names_search MATCH ? AND n.tenant_id = ?)',
          );
          params.push(phrase(term), tenantId);
        }
        where.push('instr(name_lower, ?) > 0');
        params.push(term);
      }
      if (plan.keyset) {
        where.push(`id ${plan.keyset.operator} ?`);
        params.push(plan.keyset.id);
      }
      const rows = this.documents<StoredConfig>(
        `SELECT doc FROM configs ${indexFor(filter)} WHERE ${where.join(' AND ')} ORDER BY id ${plan.order} LIMIT ?`,
        ...params,
        plan.size + 1,
      );
      return pageOf(rows, plan, request);
    },

    create: async (config) => {
      try {
        this.db
          .prepare(
            'INSERT INTO configs (tenant_id, id, name_lower, connector_key, integration_key, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            config.tenantId,
            config.id,
            config.nameLower,
            config.connectorKey,
            config.integrationKey,
            config.version,
            JSON.stringify(config),
          );
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A config with id ${config.id} already exists.`);
        throw error;
      }
      return config;
    },

    replace: async (config, expectedVersion) => {
      const result = this.db
        .prepare(
          'UPDATE configs SET name_lower = ?, connector_key = ?, integration_key = ?, version = ?, doc = ?, health_due = NULL WHERE tenant_id = ? AND id = ? AND version = ?',
        )
        .run(
          config.nameLower,
          config.connectorKey,
          config.integrationKey,
          config.version,
          JSON.stringify(config),
          config.tenantId,
          config.id,
          expectedVersion,
        );
      if (result.changes === 0) throw this.versionConflict(config.tenantId, config.id);
      return config;
    },

    delete: async (tenantId, id, expectedVersion) => {
      const result = this.db
        .prepare('DELETE FROM configs WHERE tenant_id = ? AND id = ? AND version = ?')
        .run(tenantId, id, expectedVersion);
      if (result.changes > 0) return true;
      const current = this.db.prepare('SELECT version FROM configs WHERE tenant_id = ? AND id = ?').get(tenantId, id);
      if (current) throw this.versionConflict(tenantId, id);
      return false;
    },

    recordHealth: async (tenantId, id, health, nextCheckAt, previousCheckedAt) => {
      const result = this.db
        .prepare(
          `UPDATE configs SET doc = json_set(doc, '$.health', json(?)), health_due = ?, health_claimed_until = NULL
           WHERE tenant_id = ? AND id = ? AND json_extract(doc, '$.health.checkedAt') IS ?`,
        )
        .run(JSON.stringify(health), nextCheckAt, tenantId, id, previousCheckedAt);
      if (result.changes === 1) return 'RECORDED';
      const exists = this.db.prepare('SELECT 1 FROM configs WHERE tenant_id = ? AND id = ?').get(tenantId, id);
      return exists ? 'SUPERSEDED' : 'GONE';
    },

    claimHealthChecks: async (now, until, limit) => {
      // One IMMEDIATE transaction (the write lock): replicas sharing the file never claim one row twice.
      const claim = this.db.transaction((): StoredConfig[] => {
        const mark = this.db.prepare(
          'UPDATE configs SET health_claimed_until = ? WHERE tenant_id = ? AND id = ? RETURNING doc',
        );
        return fairTurns(this.dueByTenant(now, limit), limit).map(
          (row) => JSON.parse((mark.get(until, row.tenantId, row.id) as { doc: string }).doc) as StoredConfig,
        );
      });
      return claim.immediate();
    },

    recordTest: async (tenantId, id, lastTest) => {
      const result = this.db
        .prepare("UPDATE configs SET doc = json_set(doc, '$.lastTest', json(?)) WHERE tenant_id = ? AND id = ?")
        .run(JSON.stringify(lastTest), tenantId, id);
      return result.changes > 0;
    },
  };

  /** Where the next health claim starts visiting tenants, when the last one stopped short. */
  private healthTenantCursor = '';

  /**
   * Up to `perTenant` due configs of each tenant (never-checked first, then the most overdue),
   * tenants ordered by their most overdue config. Tenants are visited one by one (a loose index
   * scan over the primary key), at most MAX_TENANTS_PER_CLAIM per claim, resuming where the
   * last claim stopped: the cost grows with tenants, not configs, and a tenant saving thousands
   * of configs takes one turn in each round like any other.
   */
  private dueByTenant(now: string, perTenant: number): { tenantId: string; id: string }[] {
    const nextTenant = this.db.prepare('SELECT MIN(tenant_id) AS tenant FROM configs WHERE tenant_id > ?');
    const dueOf = this.db.prepare(
      `SELECT tenant_id AS tenantId, id, health_due AS due FROM configs INDEXED BY configs_tenant_health_due
       WHERE tenant_id = ? AND (health_due IS NULL OR health_due <= ?)
       AND (health_claimed_until IS NULL OR health_claimed_until < ?)
       ORDER BY health_due LIMIT ?`,
    );
    const lists: { tenantId: string; id: string; due: string | null }[][] = [];
    // Tenants after the cursor, then (wrapping round) the ones up to it.
    const start = this.healthTenantCursor;
    let tenant = start;
    let wrapped = false;
    let visited = 0;
    while (visited < MAX_TENANTS_PER_CLAIM) {
      const next = (nextTenant.get(tenant) as { tenant: string | null }).tenant;
      if (next === null) {
        if (wrapped || start === '') break;
        wrapped = true;
        tenant = '';
        continue;
      }
      if (wrapped && next > start) break;
      visited += 1;
      tenant = next;
      const due = dueOf.all(next, now, now, perTenant) as { tenantId: string; id: string; due: string | null }[];
      if (due.length) lists.push(due);
    }
    // Stopped short: the next claim goes on after the last tenant visited; else from the start.
    this.healthTenantCursor = visited === MAX_TENANTS_PER_CLAIM ? tenant : '';
    // Never-checked first (NULL), then by how overdue.
    const rank = (list: { due: string | null }[]) => list[0].due ?? '';
    lists.sort((a, b) => rank(a).localeCompare(rank(b)));
    return lists.flat();
  }

  private versionConflict(tenantId: string, id: string): VersionConflictError | ConflictError {
    const current = this.db.prepare('SELECT version FROM configs WHERE tenant_id = ? AND id = ?').get(tenantId, id) as
      | { version: number }
      | undefined;
    return current ? new VersionConflictError(current.version) : new ConflictError('The config no longer exists.');
  }

  apiKeys: Store['apiKeys'] = {
    get: async (tenantId, id) =>
      this.documents<StoredApiKey>('SELECT doc FROM api_keys WHERE tenant_id = ? AND id = ?', tenantId, id)[0],
    create: async (key) => {
      this.db
        .prepare('INSERT INTO api_keys (tenant_id, id, doc) VALUES (?, ?, ?)')
        .run(key.tenantId, key.id, JSON.stringify(key));
      return key;
    },
    list: async (tenantId) =>
      this.documents<StoredApiKey>('SELECT doc FROM api_keys WHERE tenant_id = ? ORDER BY id', tenantId),
    revoke: async (tenantId, id, at) => {
      const key = await this.apiKeys.get(tenantId, id);
      if (!key) return false;
      const revoked = { ...key, revokedAt: key.revokedAt ?? at };
      this.db
        .prepare('UPDATE api_keys SET doc = ? WHERE tenant_id = ? AND id = ?')
        .run(JSON.stringify(revoked), tenantId, id);
      return true;
    },
  };

  dataKeys: Store['dataKeys'] = {
    get: async (tenantId) =>
      this.documents<StoredDataKey>('SELECT doc FROM data_keys WHERE tenant_id = ?', tenantId)[0],
    create: async (key) => {
      try {
        this.db
          .prepare('INSERT INTO data_keys (tenant_id, kek_id, doc) VALUES (?, ?, ?)')
          .run(key.tenantId, key.kekId, JSON.stringify(key));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`Tenant ${key.tenantId} already has a data key.`);
        throw error;
      }
      return key;
    },
    rewrap: async (key, expectedKekId) => {
      const result = this.db
        .prepare('UPDATE data_keys SET kek_id = ?, doc = ? WHERE tenant_id = ? AND kek_id = ?')
        .run(key.kekId, JSON.stringify(key), key.tenantId, expectedKekId);
      if (result.changes === 0)
        throw new ConflictError(`The data key of ${key.tenantId} was re-wrapped by someone else.`);
      return key;
    },
    listAll: async function* (this: SqliteStore) {
      // In batches rather than one open cursor: the caller writes between items, and a
      // connection cannot write while it is still reading.
      let after = '';
      for (;;) {
        const batch = this.documents<StoredDataKey>(
          'SELECT doc FROM data_keys WHERE tenant_id > ? ORDER BY tenant_id LIMIT 100',
          after,
        );
        yield* batch;
        if (batch.length < 100) return;
        after = batch[batch.length - 1].tenantId;
      }
    }.bind(this),
    countAll: async () => (this.db.prepare('SELECT count(*) AS n FROM data_keys').get() as { n: number }).n,
  };

  audit: Store['audit'] = {
    append: async (event: StoredAuditEvent) => {
      this.db
        .prepare('INSERT INTO audit_events (tenant_id, id, doc) VALUES (?, ?, ?)')
        .run(event.tenantId, event.id, JSON.stringify(event));
    },
    list: async (tenantId, request) => {
      // Newest first: forward reads ids downwards.
      const plan = planPage(request, 'DESC');
      const params: unknown[] = [tenantId];
      let where = 'tenant_id = ?';
      if (plan.keyset) {
        where += ` AND id ${plan.keyset.operator} ?`;
        params.push(plan.keyset.id);
      }
      const rows = this.documents<StoredAuditEvent>(
        `SELECT doc FROM audit_events WHERE ${where} ORDER BY id ${plan.order} LIMIT ?`,
        ...params,
        plan.size + 1,
      );
      return pageOf(rows, plan, request);
    },
  };

  relays: Store['relays'] = {
    getMany: async (tenantId, ids) => {
      if (ids.length === 0) return [];
      const marks = ids.map(() => '?').join(',');
      return this.documents<StoredRelay>(
        `SELECT doc FROM relays WHERE tenant_id = ? AND id IN (${marks})`,
        tenantId,
        ...ids,
      );
    },
    list: async (tenantId) =>
      this.documents<StoredRelay>('SELECT doc FROM relays WHERE tenant_id = ? ORDER BY id', tenantId),
    create: async (relay) => {
      this.db
        .prepare('INSERT INTO relays (tenant_id, id, doc) VALUES (?, ?, ?)')
        .run(relay.tenantId, relay.id, JSON.stringify(relay));
      return relay;
    },
    replace: async (relay) => {
      // The counters stay as stored: recordTest owns them.
      this.db
        .prepare(
          "UPDATE relays SET doc = json_set(?, '$.testsRun', json_extract(doc, '$.testsRun'), '$.testsFailed', json_extract(doc, '$.testsFailed')) WHERE tenant_id = ? AND id = ?",
        )
        .run(JSON.stringify(relay), relay.tenantId, relay.id);
      return relay;
    },
    recordTest: async (tenantId, id, failed) => {
      this.db
        .prepare(
          "UPDATE relays SET doc = json_set(doc, '$.testsRun', json_extract(doc, '$.testsRun') + 1, '$.testsFailed', json_extract(doc, '$.testsFailed') + ?) WHERE tenant_id = ? AND id = ?",
        )
        .run(failed ? 1 : 0, tenantId, id);
    },
  };

  oauthGrants: Store['oauthGrants'] = {
    getMany: async (tenantId, configIds) => {
      if (configIds.length === 0) return [];
      const marks = configIds.map(() => '?').join(',');
      return this.documents<StoredOAuthGrant>(
        `SELECT doc FROM oauth_grants WHERE tenant_id = ? AND id IN (${marks})`,
        tenantId,
        ...configIds,
      );
    },
    put: async (grant, expectedRevision) => {
      const row = [grant.status, grant.lastRefreshedAt ?? grant.connectedAt, grant.revision, JSON.stringify(grant)];
      const written =
        expectedRevision === 0
          ? this.db
              .prepare(
                'INSERT INTO oauth_grants (tenant_id, id, status, idle_since, revision, doc) SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM configs WHERE tenant_id = ? AND id = ?) ON CONFLICT (tenant_id, id) DO UPDATE SET status = excluded.status, idle_since = excluded.idle_since, revision = excluded.revision, doc = excluded.doc',
              )
              .run(grant.tenantId, grant.id, ...row, grant.tenantId, grant.id)
          : this.db
              .prepare(
                'UPDATE oauth_grants SET status = ?, idle_since = ?, revision = ?, doc = ? WHERE tenant_id = ? AND id = ? AND revision = ?',
              )
              .run(...row, grant.tenantId, grant.id, expectedRevision);
      if (written.changes === 1) return grant;
      if (expectedRevision === 0) throw new ConflictError('The config no longer exists.');
      const current = this.db
        .prepare('SELECT revision FROM oauth_grants WHERE tenant_id = ? AND id = ?')
        .get(grant.tenantId, grant.id) as { revision: number } | undefined;
      if (!current) throw new ConflictError('The grant no longer exists.');
      throw new VersionConflictError(current.revision);
    },
    delete: async (tenantId, configId) => {
      this.db.prepare('DELETE FROM oauth_grants WHERE tenant_id = ? AND id = ?').run(tenantId, configId);
    },
    listIdle: async (before, limit) =>
      this.documents<StoredOAuthGrant>(
        "SELECT doc FROM oauth_grants WHERE status = 'CONNECTED' AND idle_since < ? ORDER BY idle_since LIMIT ?",
        before,
        limit,
      ),
  };

  oauthStates: Store['oauthStates'] = {
    create: async (state) => {
      // Abandoned authorizations go as new ones start: nothing else reads them.
      this.db.prepare('DELETE FROM oauth_states WHERE expires_at < ?').run(new Date().toISOString());
      this.db
        .prepare('INSERT INTO oauth_states (id, expires_at, doc) VALUES (?, ?, ?)')
        .run(state.id, state.expiresAt, JSON.stringify(state));
    },
    take: async (id) => {
      const row = this.db.prepare('DELETE FROM oauth_states WHERE id = ? RETURNING doc').get(id) as
        | { doc: string }
        | undefined;
      return row && (JSON.parse(row.doc) as StoredOAuthState);
    },
    open: async (id, bindingHash, openedAt) => {
      const row = this.db
        .prepare(
          `UPDATE oauth_states SET doc = json_set(doc, '$.openedAt', ?)
           WHERE id = ? AND json_extract(doc, '$.bindingHash') = ? AND json_extract(doc, '$.openedAt') IS NULL
           RETURNING doc`,
        )
        .get(openedAt, id, bindingHash) as { doc: string } | undefined;
      return row && (JSON.parse(row.doc) as StoredOAuthState);
    },
  };

  webhooks: Store['webhooks'] = {
    list: async (tenantId) =>
      this.documents<StoredWebhook>('SELECT doc FROM webhooks WHERE tenant_id = ? ORDER BY id', tenantId),
    create: async (webhook) => {
      this.db
        .prepare('INSERT INTO webhooks (tenant_id, id, doc) VALUES (?, ?, ?)')
        .run(webhook.tenantId, webhook.id, JSON.stringify(webhook));
      return webhook;
    },
    replace: async (webhook) =>
      this.db
        .prepare('UPDATE webhooks SET doc = ? WHERE tenant_id = ? AND id = ?')
        .run(JSON.stringify(webhook), webhook.tenantId, webhook.id).changes === 1,
    delete: async (tenantId, id) => {
      const remove = this.db.transaction(() => {
        this.db.prepare('DELETE FROM deliveries WHERE tenant_id = ? AND webhook_id = ?').run(tenantId, id);
        return this.db.prepare('DELETE FROM webhooks WHERE tenant_id = ? AND id = ?').run(tenantId, id).changes === 1;
      });
      return remove.immediate();
    },
  };

  deliveries: Store['deliveries'] = {
    create: async (deliveries) => {
      const insert = this.db.prepare(
        'INSERT INTO deliveries (tenant_id, id, webhook_id, status, next_attempt_at, claimed_until, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      this.db.transaction(() => {
        for (const d of deliveries) {
          insert.run(d.tenantId, d.id, d.webhookId, d.status, d.nextAttemptAt, d.claimedUntil, JSON.stringify(d));
        }
      })();
    },
    list: async (tenantId, webhookId, request) => {
      const plan = planPage(request, 'DESC');
      const where = ['tenant_id = ?'];
      const params: unknown[] = [tenantId];
      if (webhookId) {
        where.push('webhook_id = ?');
        params.push(webhookId);
      }
      if (plan.keyset) {
        where.push(`id ${plan.keyset.operator} ?`);
        params.push(plan.keyset.id);
      }
      const rows = this.documents<StoredDelivery>(
        `SELECT doc FROM deliveries WHERE ${where.join(' AND ')} ORDER BY id ${plan.order} LIMIT ?`,
        ...params,
        plan.size + 1,
      );
      return pageOf(rows, plan, request);
    },
    claimDue: async (now, until, limit) => {
      const claim = this.db.transaction((): StoredDelivery[] => {
        const due = this.db
          .prepare(
            `SELECT tenant_id, id FROM deliveries
             WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
             ORDER BY next_attempt_at LIMIT ?`,
          )
          .all(now, now, limit) as { tenant_id: string; id: string }[];
        const mark = this.db.prepare(
          "UPDATE deliveries SET claimed_until = ?, doc = json_set(doc, '$.claimedUntil', ?) WHERE tenant_id = ? AND id = ? RETURNING doc",
        );
        return due.map(
          (row) => JSON.parse((mark.get(until, until, row.tenant_id, row.id) as { doc: string }).doc) as StoredDelivery,
        );
      });
      return claim.immediate();
    },
    record: async (delivery) => {
      this.db
        .prepare(
          'UPDATE deliveries SET status = ?, next_attempt_at = ?, claimed_until = NULL, doc = ? WHERE tenant_id = ? AND id = ?',
        )
        .run(
          delivery.status,
          delivery.nextAttemptAt,
          JSON.stringify({ ...delivery, claimedUntil: null }),
          delivery.tenantId,
          delivery.id,
        );
    },
    purgeFinished: async (before, limit) =>
      // The (status, next_attempt_at) index finds them; a finished delivery keeps the time its
      // last attempt was due.
      this.db
        .prepare(
          `DELETE FROM deliveries WHERE (tenant_id, id) IN (
             SELECT tenant_id, id FROM deliveries
             WHERE status IN ('DELIVERED', 'FAILED') AND next_attempt_at < ? LIMIT ?)`,
        )
        .run(before, limit).changes,
  };
}
