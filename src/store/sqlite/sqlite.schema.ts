import type { Database } from 'better-sqlite3';

/**
 * Tables keep each document whole as JSON, plus the columns that queries filter and sort on.
 * Locked values live only inside the JSON, and only as ciphertext. Each step moves the
 * database from one `user_version` to the next.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE configs (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    connector_key TEXT NOT NULL,
    integration_key TEXT,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE api_keys (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE data_keys (
    tenant_id TEXT PRIMARY KEY,
    kek_id TEXT NOT NULL,
    doc TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE audit_events (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE relays (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  `,
  // Filtered lists read only the matching rows, in id order, instead of the whole tenant.
  `
  CREATE INDEX configs_by_connector ON configs (tenant_id, connector_key, id);
  CREATE INDEX configs_by_integration ON configs (tenant_id, integration_key, id);
  `,
  // Name search: an FTS5 trigram index (substring matches of three characters or more) over a
  // rowid table that mirrors each config's name, kept in step by triggers.
  `
  CREATE TABLE config_names (
    rowid INTEGER PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    UNIQUE (tenant_id, id)
  );
  CREATE VIRTUAL TABLE config_names_search USING fts5(
    name_lower, content = 'config_names', content_rowid = 'rowid', tokenize = 'trigram'
  );
  CREATE TRIGGER config_names_added AFTER INSERT ON config_names BEGIN
    INSERT INTO config_names_search (rowid, name_lower) VALUES (new.rowid, new.name_lower);
  END;
  CREATE TRIGGER config_names_removed AFTER DELETE ON config_names BEGIN
    INSERT INTO config_names_search (config_names_search, rowid, name_lower) VALUES ('delete', old.rowid, old.name_lower);
  END;
  CREATE TRIGGER config_names_renamed AFTER UPDATE OF name_lower ON config_names
    WHEN old.name_lower <> new.name_lower BEGIN
    INSERT INTO config_names_search (config_names_search, rowid, name_lower) VALUES ('delete', old.rowid, old.name_lower);
    INSERT INTO config_names_search (rowid, name_lower) VALUES (new.rowid, new.name_lower);
  END;
  CREATE TRIGGER configs_added AFTER INSERT ON configs BEGIN
    INSERT INTO config_names (tenant_id, id, name_lower) VALUES (new.tenant_id, new.id, new.name_lower);
  END;
  CREATE TRIGGER configs_removed AFTER DELETE ON configs BEGIN
    DELETE FROM config_names WHERE tenant_id = old.tenant_id AND id = old.id;
  END;
  CREATE TRIGGER configs_renamed AFTER UPDATE OF name_lower ON configs
    WHEN old.name_lower <> new.name_lower BEGIN
    UPDATE config_names SET name_lower = new.name_lower WHERE tenant_id = new.tenant_id AND id = new.id;
  END;
  INSERT INTO config_names (tenant_id, id, name_lower) SELECT tenant_id, id, name_lower FROM configs;
  `,
  // OAuth grants (one per config, removed with it) and authorizations in progress.
  `
  CREATE TABLE oauth_grants (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    status TEXT NOT NULL,
    idle_since TEXT NOT NULL,
    revision INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX oauth_grants_idle ON oauth_grants (status, idle_since);
  CREATE TRIGGER configs_removed_grant AFTER DELETE ON configs BEGIN
    DELETE FROM oauth_grants WHERE tenant_id = old.tenant_id AND id = old.id;
  END;
  CREATE TABLE oauth_states (
    id TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL,
    doc TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // Health checks: when each config is next due, and who holds it while it is checked.
  `
  ALTER TABLE configs ADD COLUMN health_due TEXT;
  ALTER TABLE configs ADD COLUMN health_claimed_until TEXT;
  CREATE INDEX configs_health_due ON configs (health_due);
  `,
  // Webhooks, and their deliveries until sent or given up on.
  `
  CREATE TABLE webhooks (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE deliveries (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    webhook_id TEXT NOT NULL,
    status TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
  CREATE INDEX deliveries_by_webhook ON deliveries (tenant_id, webhook_id, id);
  `,
  // Health claims visit tenants in turn: each tenant's due configs, never-checked (NULL) first.
  `
  CREATE INDEX configs_tenant_health_due ON configs (tenant_id, health_due);
  `,
];

/**
 * Brings the file to the latest version. Replicas sharing one file may start together: each
 * step reads the version inside an IMMEDIATE transaction (the write lock), so it runs once, and
 * the process that waited finds it done.
 */
export function migrate(db: Database): void {
  const nextStep = db.transaction((): boolean => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[current]);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  while (nextStep.immediate()) {
    // one migration per transaction
  }
}
