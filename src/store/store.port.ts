import type {
  HealthRecord,
  LastTestRecord,
  StoredApiKey,
  StoredAuditEvent,
  StoredConfig,
  StoredDataKey,
  StoredDelivery,
  StoredOAuthGrant,
  StoredOAuthState,
  StoredRelay,
  StoredWebhook,
} from './store.types';

/** A page of a listing: items in a stable order and an opaque cursor to continue after them. */
export interface Page<T> {
  items: T[];
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Relay's connection arguments: `first` after a cursor, or `last` before one. */
export interface PageRequest {
  first?: number;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface ConfigFilter {
  connectorKey?: string | null;
  integrationKey?: string | null;
  /** Case-insensitive substring of the name. */
  nameContains?: string | null;
}

/**
 * Where Plugboard keeps its documents. Every operation is scoped by tenant: an adapter never
 * reads or writes across tenants except where a method says so (data-key rotation).
 *
 * Errors: `ConflictError` when a create hits an existing id, `VersionConflictError` when a
 * write names a stale version, `StoreUnavailableError` when the database cannot answer.
 * Reads of missing documents return nothing rather than throwing.
 */
/** What became of a health check's findings: recorded, or not (see `recordHealth`). */
export type HealthRecordOutcome = 'RECORDED' | 'SUPERSEDED' | 'GONE';

export interface Store {
  readonly kind: 'sqlite' | 'cosmos';
  /** Succeeds when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;

  configs: {
    /** The configs with these ids, in no particular order; missing ones are left out. */
    getMany(tenantId: string, ids: readonly string[]): Promise<StoredConfig[]>;
    /** Configs oldest first. */
    list(tenantId: string, filter: ConfigFilter, page: PageRequest): Promise<Page<StoredConfig>>;
    create(config: StoredConfig): Promise<StoredConfig>;
    /**
     * Replaces the config if its stored version is `expectedVersion`. An edited config is due
     * for a health check at once: what was checked is no longer what is saved.
     */
    replace(config: StoredConfig, expectedVersion: number): Promise<StoredConfig>;
    /** Deletes the config if its stored version is `expectedVersion`; false when it did not exist. */
    delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean>;
    /**
     * Records the outcome of a connection test. Not an edit: the version stays, so a test never
     * makes someone's open form stale. False when the config does not exist.
     */
    recordTest(tenantId: string, id: string, lastTest: LastTestRecord): Promise<boolean>;
    /**
     * Records a health check's findings and when the next check is due, and releases the claim.
     * Not an edit: the version stays. Only over the check it started from (`previousCheckedAt`,
     * null for none): when another check was recorded meanwhile (a scheduled and an on-demand
     * check at once) this one is SUPERSEDED and changes nothing, so its issues and events are
     * not told twice. GONE when the config does not exist.
     */
    recordHealth(
      tenantId: string,
      id: string,
      health: HealthRecord,
      nextCheckAt: string,
      previousCheckedAt: string | null,
    ): Promise<HealthRecordOutcome>;
    /**
     * Claims up to `limit` configs, in every tenant, whose health check is due at `now` (never
     * checked, or past their next check) and that no one else holds; the claim lasts until
     * `until`. Two replicas never claim one config at once. Soonest due first.
     */
    claimHealthChecks(now: string, until: string, limit: number): Promise<StoredConfig[]>;
  };

  apiKeys: {
    get(tenantId: string, id: string): Promise<StoredApiKey | undefined>;
    create(key: StoredApiKey): Promise<StoredApiKey>;
    list(tenantId: string): Promise<StoredApiKey[]>;
    /** Marks the key revoked; false when it did not exist. */
    revoke(tenantId: string, id: string, at: string): Promise<boolean>;
  };

  dataKeys: {
    get(tenantId: string): Promise<StoredDataKey | undefined>;
    /** Stores a tenant's first data key; `ConflictError` when another writer was first. */
    create(key: StoredDataKey): Promise<StoredDataKey>;
    /** Replaces the wrapping if the key is still wrapped by `expectedKekId`. */
    rewrap(key: StoredDataKey, expectedKekId: string): Promise<StoredDataKey>;
    /** Every tenant's data key, for rotation. The one read that crosses tenants. */
    listAll(): AsyncIterable<StoredDataKey>;
    countAll(): Promise<number>;
  };

  audit: {
    append(event: StoredAuditEvent): Promise<void>;
    /** Events newest first. */
    list(tenantId: string, page: PageRequest): Promise<Page<StoredAuditEvent>>;
  };

  relays: {
    getMany(tenantId: string, ids: readonly string[]): Promise<StoredRelay[]>;
    /** A tenant's relays, oldest first. */
    list(tenantId: string): Promise<StoredRelay[]>;
    create(relay: StoredRelay): Promise<StoredRelay>;
    /** Replaces token and revocation; the test counters are left to recordTest. */
    replace(relay: StoredRelay): Promise<StoredRelay>;
    /** Counts one test run through the relay, atomically. */
    recordTest(tenantId: string, id: string, failed: boolean): Promise<void>;
  };

  oauthGrants: {
    /** The grants of these configs; configs without one are left out. */
    getMany(tenantId: string, configIds: readonly string[]): Promise<StoredOAuthGrant[]>;
    /**
     * Writes the grant if its stored revision is `expectedRevision` (0: there is none yet, or
     * the one there is replaced by a new connection). `VersionConflictError` otherwise.
     */
    put(grant: StoredOAuthGrant, expectedRevision: number): Promise<StoredOAuthGrant>;
    delete(tenantId: string, configId: string): Promise<void>;
    /**
     * CONNECTED grants, in every tenant, last refreshed (or connected) before `before`: the idle
     * refresher's work list. One of the reads that cross tenants.
     */
    listIdle(before: string, limit: number): Promise<StoredOAuthGrant[]>;
  };

  oauthStates: {
    create(state: StoredOAuthState): Promise<void>;
    /**
     * Removes the state with this id and returns it; nothing when it was already taken. The
     * callback knows only the state, not the tenant, so this reads across tenants.
     */
    take(id: string): Promise<StoredOAuthState | undefined>;
    /**
     * Marks the state opened in a browser, once: only when its binding hash is this one and it
     * was not opened before. Returns it as marked; nothing otherwise. Reads across tenants.
     */
    open(id: string, bindingHash: string, openedAt: string): Promise<StoredOAuthState | undefined>;
  };

  webhooks: {
    /** A tenant's webhooks, oldest first. */
    list(tenantId: string): Promise<StoredWebhook[]>;
    create(webhook: StoredWebhook): Promise<StoredWebhook>;
    /** Replaces the webhook (a rotated secret); false when it does not exist. */
    replace(webhook: StoredWebhook): Promise<boolean>;
    /** Deletes it and its deliveries; false when it did not exist. */
    delete(tenantId: string, id: string): Promise<boolean>;
  };

  deliveries: {
    create(deliveries: StoredDelivery[]): Promise<void>;
    /** A tenant's deliveries, newest first, of one webhook when named. */
    list(tenantId: string, webhookId: string | null, page: PageRequest): Promise<Page<StoredDelivery>>;
    /**
     * Claims up to `limit` PENDING deliveries due at `now`, in every tenant, that no one else
     * holds, until `until`. Two replicas never send one delivery at once.
     */
    claimDue(now: string, until: string, limit: number): Promise<StoredDelivery[]>;
    /** Stores an attempt's outcome and releases the claim. */
    record(delivery: StoredDelivery): Promise<void>;
    /**
     * Deletes up to `limit` finished deliveries (DELIVERED or FAILED), in every tenant, whose
     * last attempt was due before `before`; answers how many. PENDING ones are never deleted.
     */
    purgeFinished(before: string, limit: number): Promise<number>;
  };
}
