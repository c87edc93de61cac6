import type { Agent } from 'node:https';
import {
  type Container,
  CosmosClient,
  type Database,
  ErrorResponse,
  type ItemDefinition,
  type SqlParameter,
} from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import { ConflictError, InputError } from '../../errors';
import { fairTurns } from '../fair-turns';
import { pageOf, planPage } from '../page-cursor';
import { StoreUnavailableError, VersionConflictError } from '../store.errors';
import type { ConfigFilter, Page, PageRequest, Store } from '../store.port';
import type {
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
} from '../store.types';
import { INDEXING_POLICIES, policyIsCurrent } from './indexing-policy';

export interface CosmosStoreOptions {
  endpoint: string;
  database: string;
  /** An account key; without one, `credential` (a managed identity) signs requests. */
  key?: string;
  credential?: TokenCredential;
  /** Only for trusting a private CA (and the local test peer). */
  agent?: Agent;
  /** Called with the request units every operation cost, for logs and metrics. */
  onRequestCharge?: (operation: string, requestUnits: number) => void;
}

const CONTAINERS = [
  'configs',
  'apiKeys',
  'dataKeys',
  'audit',
  'relays',
  'oauthGrants',
  'oauthStatesById',
  'webhooks',
  'deliveries',
] as const;
type ContainerName = (typeof CONTAINERS)[number];

/**
 * Every container is partitioned by tenant but one: a consent's state comes back to the
 * callback with no tenant, so states are partitioned by their own id and found by a point read.
 * (Until 2026-12-03 they were in `oauthStates`, by tenant, found by a query across partitions;
 * states live ten minutes, so nothing there needs moving.)
 */
const PARTITION_PATHS: Partial<Record<ContainerName, string>> = { oauthStatesById: '/id' };
/** How many candidates a health claim reads per config it claims: wide enough to find several tenants. */
const FAIR_WINDOW_FACTOR = 10;

/** Containers whose documents carry their own time to live (`ttl`, in seconds). */
const WITH_TTL = new Set<ContainerName>(['oauthStatesById']);
const DATA_KEY_ID = 'data-key';

/** A grant as stored in Cosmos: with the time the idle refresher orders by, a plain property. */
type CosmosGrant = StoredOAuthGrant & { idleSince: string };
const withIdleSince = (grant: StoredOAuthGrant): CosmosGrant => ({
  ...grant,
  idleSince: grant.lastRefreshedAt ?? grant.connectedAt,
});
const withoutIdleSince = ({ idleSince, ...grant }: CosmosGrant): StoredOAuthGrant => grant;

/**
 * Cosmos adds the underscored properties to every document; the health schedule is kept on a
 * config for the scheduler's query alone. Neither is part of the document callers see.
 */
function strip<T>(
  resource: T &
    Partial<
      Record<'_rid' | '_self' | '_etag' | '_attachments' | '_ts' | 'healthDueAt' | 'healthClaimedUntil', unknown>
    >,
): T {
  const { _rid, _self, _etag, _attachments, _ts, healthDueAt, healthClaimedUntil, ...document } = resource;
  return document as T;
}

/** Why Cosmos DB could not be opened, in terms of the variables an operator sets. */
function openFailure(options: CosmosStoreOptions, error: unknown): string {
  const status = (error as { code?: unknown; statusCode?: unknown }).statusCode ?? (error as { code?: unknown }).code;
  const said = String((error as Error)?.message ?? error)
    .split('\n')[0]
    .replaceAll(options.key ?? '\u0000', '[COSMOS_KEY]')
    .slice(0, 300);
  const where = `Cannot open Cosmos DB at ${options.endpoint} (COSMOS_ENDPOINT), database "${options.database}" (COSMOS_DATABASE)`;
  if (!options.key) {
    return `${where}: COSMOS_KEY is not set, so Plugboard signed in with Microsoft Entra ID, which failed (${said}). Set COSMOS_KEY to the account key, or give this process an identity with a Cosmos DB data role (a managed identity, or the AZURE_* variables of @azure/identity).`;
  }
  if (status === 401 || status === 403) {
    return `${where}: the account refused the key (${status}). Check COSMOS_KEY: the account's primary or secondary key, not a connection string.`;
  }
  return `${where}: ${said}. Check COSMOS_ENDPOINT (the account URL, such as https://acme.documents.azure.com:443/) and that this machine reaches it.`;
}

/**
 * Azure Cosmos DB, for running more than one replica. Every container is partitioned by
 * `/tenantId`, and every query names the tenant in its SQL text as well as in its partition
 * key option, so a query can never read another tenant's partition. Throttling (429) and
 * unavailability (503) are retried by the SDK; what is left becomes `StoreUnavailableError`.
 */
export class CosmosStore implements Store {
  readonly kind = 'cosmos' as const;
  private readonly client: CosmosClient;
  private database!: Database;
  private readonly containers = new Map<ContainerName, Container>();

  private constructor(private readonly options: CosmosStoreOptions) {
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      key: options.key,
      aadCredentials: options.key ? undefined : options.credential,
      agent: options.agent,
      connectionPolicy: {
        // The emulator and single-region accounts have no other regions to discover.
        enableEndpointDiscovery: false,
        retryOptions: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 30 },
      },
    });
  }

  /**
   * Connects, and creates the database and containers that are missing. A failure names the
   * variables to check (COSMOS_ENDPOINT, COSMOS_KEY or the Entra identity, COSMOS_DATABASE):
   * at startup the SDK's own message says what broke, not what to change.
   */
  static async open(options: CosmosStoreOptions): Promise<CosmosStore> {
    const store = new CosmosStore(options);
    try {
      await store.createDatabase();
    } catch (error) {
      store.client.dispose();
      throw new InputError(openFailure(options, error));
    }
    return store;
  }

  /** The database and its containers, created when missing. */
  private async createDatabase(): Promise<void> {
    await this.call('open', async () => {
      const { database } = await this.client.databases.createIfNotExists({ id: this.options.database });
      this.database = database;
      for (const name of CONTAINERS) {
        const indexingPolicy = INDEXING_POLICIES[name];
        const partitionKey = { paths: [PARTITION_PATHS[name] ?? '/tenantId'] };
        const { container, resource } = await database.containers.createIfNotExists({
          id: name,
          partitionKey,
          indexingPolicy,
          // -1: no default expiry; a document's own `ttl` applies.
          ...(WITH_TTL.has(name) ? { defaultTtl: -1 } : {}),
        });
        // A container made by an earlier version gets this policy; Cosmos re-indexes online.
        if (indexingPolicy && resource && !policyIsCurrent(resource.indexingPolicy, indexingPolicy)) {
          await container.replace({ ...resource, id: name, partitionKey, indexingPolicy });
        }
        this.containers.set(name, container);
      }
      return { requestCharge: 0 };
    });
  }

  private container(name: ContainerName): Container {
    const container = this.containers.get(name);
    if (!container) throw new Error(`container ${name} is not open`);
    return container;
  }

  /** Runs one SDK call: reports its request charge, and turns database trouble into domain errors. */
  private async call<T extends { requestCharge?: number }>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.options.onRequestCharge?.(operation, result.requestCharge ?? 0);
      return result;
    } catch (error) {
      if (error instanceof ErrorResponse) {
        if (error.code === 429) {
          const retryAfter = Math.ceil((error.retryAfterInMs ?? 1000) / 1000);
          throw new StoreUnavailableError('The database is throttling requests. Try again shortly.', retryAfter);
        }
        if (error.code === 503 || error.code === 408) {
          throw new StoreUnavailableError('The database is unavailable right now. Try again shortly.');
        }
      }
      if ((error as { code?: string }).code === 'ECONNREFUSED' || (error as { code?: string }).code === 'ENOTFOUND') {
        throw new StoreUnavailableError('The database cannot be reached.');
      }
      throw error;
    }
  }

  private async read<T>(
    name: ContainerName,
    tenantId: string,
    id: string,
  ): Promise<(T & { _etag: string }) | undefined> {
    const response = await this.call(`${name}.read`, () =>
      this.container(name).item(id, tenantId).read<T & ItemDefinition>(),
    );
    return response.resource as (T & { _etag: string }) | undefined;
  }

  /**
   * One page, ordered by id, continuing after the cursor's id (keyset paging, so every item
   * has a stable cursor). Cosmos may answer a query in several partial pages: continuation
   * tokens are followed until the page is full.
   */
  private async query<T extends { id: string }>(
    name: ContainerName,
    tenantId: string,
    where: string,
    parameters: SqlParameter[],
    request: PageRequest,
    natural: 'ASC' | 'DESC' = 'ASC',
    /** A property filtered for equality, ordered by first so its composite index serves the page. */
    orderedFirstBy?: string,
  ): Promise<Page<T>> {
    const plan = planPage(request, natural);
    const keyset = plan.keyset ? ` AND c.id ${plan.keyset.operator} @keyset` : '';
    const order = orderedFirstBy ? `c.${orderedFirstBy} ${plan.order}, c.id ${plan.order}` : `c.id ${plan.order}`;
    const iterator = this.container(name).items.query<T & ItemDefinition>(
      {
        query: `SELECT * FROM c WHERE c.tenantId = @tenantId${where}${keyset} ORDER BY ${order}`,
        parameters: [
          { name: '@tenantId', value: tenantId },
          ...(plan.keyset ? [{ name: '@keyset', value: plan.keyset.id }] : []),
          ...parameters,
        ],
      },
      { partitionKey: tenantId, maxItemCount: plan.size + 1 },
    );
    const rows: T[] = [];
    while (rows.length <= plan.size && iterator.hasMoreResults()) {
      const response = await this.call(`${name}.query`, () => iterator.fetchNext());
      rows.push(...response.resources.map((resource) => strip<T>(resource)));
    }
    return pageOf(rows, plan, request);
  }

  private async queryAll<T extends { id: string }>(
    name: ContainerName,
    tenantId: string,
    where: string,
    parameters: SqlParameter[],
  ): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    do {
      const page: Page<T> = await this.query<T>(name, tenantId, where, parameters, { first: 100, after });
      items.push(...page.items);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return items;
  }

  async ping(): Promise<void> {
    await this.call('ping', () => this.database.read());
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private async getMany<T extends { id: string }>(
    name: ContainerName,
    tenantId: string,
    ids: readonly string[],
  ): Promise<T[]> {
    if (ids.length === 0) return [];
    if (ids.length === 1) {
      // A point read costs 1 RU where a query costs about 3. The tenant is checked as well as
      // passed as the partition key, as every query names it in its text.
      const found = await this.read<T & { tenantId: string }>(name, tenantId, ids[0]);
      return found && found.tenantId === tenantId ? [strip<T>(found)] : [];
    }
    const names = ids.map((_, index) => `@id${index}`);
    return this.queryAll<T>(
      name,
      tenantId,
      ` AND c.id IN (${names.join(', ')})`,
      ids.map((id, index) => ({ name: names[index], value: id })),
    );
  }

  private async create<T extends { tenantId: string; id: string }>(name: ContainerName, document: T): Promise<T> {
    try {
      await this.call(`${name}.create`, () => this.container(name).items.create(document));
      return document;
    } catch (error) {
      if (error instanceof ErrorResponse && error.code === 409) {
        throw new ConflictError(`A document with id ${document.id} already exists.`);
      }
      throw error;
    }
  }

  configs: Store['configs'] = {
    getMany: (tenantId, ids) => this.getMany<StoredConfig>('configs', tenantId, ids),
    recordTest: (tenantId, id, lastTest) => this.recordTest(tenantId, id, lastTest),
    recordHealth: async (tenantId, id, health, nextCheckAt, previousCheckedAt) => {
      // Read, compare the last check, and patch on the etag read. The etag also moves when the
      // config is claimed or edited meanwhile: then the comparison is made again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const current = await this.read<StoredConfig>('configs', tenantId, id);
        if (!current) return 'GONE';
        if ((current.health?.checkedAt ?? null) !== previousCheckedAt) return 'SUPERSEDED';
        try {
          await this.call('configs.patch', () =>
            this.container('configs')
              .item(id, tenantId)
              .patch(
                [
                  { op: 'set', path: '/health', value: health },
                  { op: 'set', path: '/healthDueAt', value: nextCheckAt },
                  { op: 'set', path: '/healthClaimedUntil', value: null },
                ],
                { accessCondition: { type: 'IfMatch', condition: current._etag } },
              ),
          );
          return 'RECORDED';
        } catch (error) {
          if (error instanceof ErrorResponse && error.code === 404) return 'GONE';
          if (!(error instanceof ErrorResponse && error.code === 412)) throw error;
        }
      }
      return 'SUPERSEDED';
    },
    claimHealthChecks: async (now, until, limit) => {
      // Crosses partitions: the scheduler serves every tenant. Two windows, read as ids alone:
      // configs never checked (no due time; unordered), and the most overdue by due time, so
      // a tenant that saves thousands of new configs does not crowd out the others' overdue
      // ones. Then tenants take turns. A claim is a patch conditioned on the document's etag,
      // so of two replicas that found one config, one wins; the patch answers the document.
      const window = Math.max(1, Math.floor(limit * FAIR_WINDOW_FACTOR));
      const claimable =
        '(NOT IS_DEFINED(c.healthClaimedUntil) OR IS_NULL(c.healthClaimedUntil) OR c.healthClaimedUntil < @now)';
      const candidates = (operation: string, where: string, orderBy = '') =>
        this.call(operation, () =>
          this.container('configs')
            .items.query<{ id: string; tenantId: string; _etag: string }>({
              query: `SELECT TOP ${window} c.id, c.tenantId, c._etag FROM c WHERE ${where} AND ${claimable} ${orderBy}`,
              parameters: [{ name: '@now', value: now }],
            })
            .fetchAll(),
        );
      const [fresh, overdue] = await Promise.all([
        candidates('configs.healthNew', '(NOT IS_DEFINED(c.healthDueAt) OR IS_NULL(c.healthDueAt))'),
        candidates('configs.healthDue', 'c.healthDueAt <= @now', 'ORDER BY c.healthDueAt'),
      ]);
      const claimed: StoredConfig[] = [];
      for (const found of fairTurns([...fresh.resources, ...overdue.resources], limit)) {
        try {
          const patched = await this.call('configs.claim', () =>
            this.container('configs')
              .item(found.id, found.tenantId)
              .patch<StoredConfig & ItemDefinition>([{ op: 'set', path: '/healthClaimedUntil', value: until }], {
                accessCondition: { type: 'IfMatch', condition: found._etag },
              }),
          );
          if (patched.resource) claimed.push(strip<StoredConfig>(patched.resource));
        } catch (error) {
          if (!(error instanceof ErrorResponse && (error.code === 412 || error.code === 404))) throw error;
        }
      }
      return claimed;
    },

    list: (tenantId, filter: ConfigFilter, page) => {
      let where = '';
      const parameters: SqlParameter[] = [];
      if (filter.connectorKey) {
        where += ' AND c.connectorKey = @connectorKey';
        parameters.push({ name: '@connectorKey', value: filter.connectorKey });
      }
      if (filter.integrationKey) {
        where += ' AND c.integrationKey = @integrationKey';
        parameters.push({ name: '@integrationKey', value: filter.integrationKey });
      }
      if (filter.nameContains) {
        where += ' AND CONTAINS(c.nameLower, @name)';
        parameters.push({ name: '@name', value: filter.nameContains.toLowerCase() });
      }
      const orderedFirstBy = filter.connectorKey
        ? 'connectorKey'
        : filter.integrationKey
          ? 'integrationKey'
          : undefined;
      return this.query<StoredConfig>('configs', tenantId, where, parameters, page, 'ASC', orderedFirstBy);
    },

    create: (config) => this.create('configs', config),

    replace: async (config, expectedVersion) => {
      const current = await this.read<StoredConfig>('configs', config.tenantId, config.id);
      if (!current) throw new ConflictError('The config no longer exists.');
      if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
      try {
        await this.call('configs.replace', () =>
          this.container('configs')
            .item(config.id, config.tenantId)
            .replace(config, { accessCondition: { type: 'IfMatch', condition: current._etag } }),
        );
        return config;
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 412) {
          const winner = await this.read<StoredConfig>('configs', config.tenantId, config.id);
          throw winner ? new VersionConflictError(winner.version) : new ConflictError('The config no longer exists.');
        }
        throw error;
      }
    },

    delete: async (tenantId, id, expectedVersion) => {
      const current = await this.read<StoredConfig>('configs', tenantId, id);
      if (!current) return false;
      if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
      try {
        await this.call('configs.delete', () =>
          this.container('configs')
            .item(id, tenantId)
            .delete({ accessCondition: { type: 'IfMatch', condition: current._etag } }),
        );
        // Its grant goes with it, as SQLite's trigger does.
        await this.oauthGrants.delete(tenantId, id);
        return true;
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 412) {
          const winner = await this.read<StoredConfig>('configs', tenantId, id);
          if (winner) throw new VersionConflictError(winner.version);
          return false;
        }
        if (error instanceof ErrorResponse && error.code === 404) return false;
        throw error;
      }
    },
  };

  private async recordTest(tenantId: string, id: string, lastTest: LastTestRecord): Promise<boolean> {
    try {
      await this.call('configs.patch', () =>
        this.container('configs')
          .item(id, tenantId)
          .patch([{ op: 'set', path: '/lastTest', value: lastTest }]),
      );
      return true;
    } catch (error) {
      if (error instanceof ErrorResponse && error.code === 404) return false;
      throw error;
    }
  }

  apiKeys: Store['apiKeys'] = {
    get: async (tenantId, id) => {
      const key = await this.read<StoredApiKey>('apiKeys', tenantId, id);
      return key && strip(key);
    },
    create: (key) => this.create('apiKeys', key),
    list: (tenantId) => this.queryAll<StoredApiKey>('apiKeys', tenantId, '', []),
    revoke: async (tenantId, id, at) => {
      const key = await this.apiKeys.get(tenantId, id);
      if (!key) return false;
      const revoked: StoredApiKey = { ...key, revokedAt: key.revokedAt ?? at };
      await this.call('apiKeys.replace', () => this.container('apiKeys').item(id, tenantId).replace(revoked));
      return true;
    },
  };

  dataKeys: Store['dataKeys'] = {
    get: async (tenantId) => {
      const key = await this.read<StoredDataKey>('dataKeys', tenantId, DATA_KEY_ID);
      return key && strip(key);
    },
    create: (key) => this.create('dataKeys', { ...key, id: DATA_KEY_ID }),
    rewrap: async (key, expectedKekId) => {
      const current = await this.read<StoredDataKey>('dataKeys', key.tenantId, DATA_KEY_ID);
      if (!current || current.kekId !== expectedKekId) {
        throw new ConflictError(`The data key of ${key.tenantId} was re-wrapped by someone else.`);
      }
      try {
        await this.call('dataKeys.replace', () =>
          this.container('dataKeys')
            .item(DATA_KEY_ID, key.tenantId)
            .replace({ ...key, id: DATA_KEY_ID }, { accessCondition: { type: 'IfMatch', condition: current._etag } }),
        );
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 412) {
          throw new ConflictError(`The data key of ${key.tenantId} was re-wrapped by someone else.`);
        }
        throw error;
      }
      return key;
    },
    listAll: async function* (this: CosmosStore) {
      // The one cross-partition read: rotation visits every tenant's data key.
      const iterator = this.container('dataKeys').items.query<StoredDataKey & ItemDefinition>(
        'SELECT * FROM c ORDER BY c.tenantId',
        {
          maxItemCount: 100,
        },
      );
      while (iterator.hasMoreResults()) {
        const response = await this.call('dataKeys.listAll', () => iterator.fetchNext());
        for (const resource of response.resources) yield strip<StoredDataKey>(resource);
      }
    }.bind(this),
    countAll: async () => {
      const response = await this.call('dataKeys.count', () =>
        this.container('dataKeys').items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll(),
      );
      return response.resources[0] ?? 0;
    },
  };

  audit: Store['audit'] = {
    append: async (event: StoredAuditEvent) => {
      await this.create('audit', event);
    },
    list: (tenantId, page) => this.query<StoredAuditEvent>('audit', tenantId, '', [], page, 'DESC'),
  };

  relays: Store['relays'] = {
    getMany: (tenantId, ids) => this.getMany<StoredRelay>('relays', tenantId, ids),
    list: (tenantId) => this.queryAll<StoredRelay>('relays', tenantId, '', []),
    create: (relay) => this.create('relays', relay),
    replace: async (relay) => {
      await this.call('relays.patch', () =>
        this.container('relays')
          .item(relay.id, relay.tenantId)
          .patch([
            { op: 'set', path: '/name', value: relay.name },
            { op: 'set', path: '/tokenHash', value: relay.tokenHash },
            { op: 'set', path: '/revokedAt', value: relay.revokedAt },
          ]),
      );
      return relay;
    },
    recordTest: async (tenantId, id, failed) => {
      await this.call('relays.patch', () =>
        this.container('relays')
          .item(id, tenantId)
          .patch([
            { op: 'incr', path: '/testsRun', value: 1 },
            { op: 'incr', path: '/testsFailed', value: failed ? 1 : 0 },
          ]),
      );
    },
  };

  oauthGrants: Store['oauthGrants'] = {
    getMany: async (tenantId, configIds) =>
      (await this.getMany<CosmosGrant>('oauthGrants', tenantId, configIds)).map(withoutIdleSince),
    put: async (grant, expectedRevision) => {
      const document = withIdleSince(grant);
      if (expectedRevision === 0) {
        // A new connection: only for a config that still exists.
        const config = await this.read<StoredConfig>('configs', grant.tenantId, grant.id);
        if (!config) throw new ConflictError('The config no longer exists.');
        await this.call('oauthGrants.upsert', () => this.container('oauthGrants').items.upsert(document));
        return grant;
      }
      const current = await this.read<CosmosGrant>('oauthGrants', grant.tenantId, grant.id);
      if (!current) throw new ConflictError('The grant no longer exists.');
      if (current.revision !== expectedRevision) throw new VersionConflictError(current.revision);
      try {
        await this.call('oauthGrants.replace', () =>
          this.container('oauthGrants')
            .item(grant.id, grant.tenantId)
            .replace(document, { accessCondition: { type: 'IfMatch', condition: current._etag } }),
        );
        return grant;
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 412) {
          const winner = await this.read<CosmosGrant>('oauthGrants', grant.tenantId, grant.id);
          throw winner ? new VersionConflictError(winner.revision) : new ConflictError('The grant no longer exists.');
        }
        throw error;
      }
    },
    delete: async (tenantId, configId) => {
      try {
        await this.call('oauthGrants.delete', () => this.container('oauthGrants').item(configId, tenantId).delete());
      } catch (error) {
        if (!(error instanceof ErrorResponse && error.code === 404)) throw error;
      }
    },
    listIdle: async (before, limit) => {
      // Crosses partitions: the refresher visits every tenant's idle grants, oldest first.
      const response = await this.call('oauthGrants.listIdle', () =>
        this.container('oauthGrants')
          .items.query<CosmosGrant & ItemDefinition>({
            query: `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.status = 'CONNECTED' AND c.idleSince < @before ORDER BY c.idleSince`,
            parameters: [{ name: '@before', value: before }],
          })
          .fetchAll(),
      );
      return response.resources.map((resource) => withoutIdleSince(strip<CosmosGrant>(resource)));
    },
  };

  oauthStates: Store['oauthStates'] = {
    create: async (state) => {
      // Cosmos deletes an abandoned state a minute after it expires.
      const ttl = Math.max(60, Math.ceil((Date.parse(state.expiresAt) - Date.now()) / 1000) + 60);
      await this.create('oauthStatesById', { ...state, ttl });
    },
    take: async (id) => {
      // The delete is the single use: of two callbacks racing, one gets 404.
      const found = await this.findOAuthState(id);
      if (!found) return undefined;
      try {
        await this.call('oauthStates.delete', () => this.container('oauthStatesById').item(id, id).delete());
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 404) return undefined;
        throw error;
      }
      return found.state;
    },
    open: async (id, bindingHash, openedAt) => {
      const found = await this.findOAuthState(id);
      if (!found || found.state.bindingHash !== bindingHash || found.state.openedAt) return undefined;
      // The etag makes the mark single: of two browsers racing, one gets 412.
      try {
        await this.call('oauthStates.open', () =>
          this.container('oauthStatesById')
            .item(id, id)
            .patch([{ op: 'set', path: '/openedAt', value: openedAt }], {
              accessCondition: { type: 'IfMatch', condition: found.etag },
            }),
        );
      } catch (error) {
        if (error instanceof ErrorResponse && (error.code === 412 || error.code === 404)) return undefined;
        throw error;
      }
      return { ...found.state, openedAt };
    },
  };

  /** A state by its id (its own partition): the document as stored, and its etag. */
  private async findOAuthState(id: string): Promise<{ state: StoredOAuthState; etag: string } | undefined> {
    try {
      const { resource } = await this.call('oauthStates.read', () =>
        this.container('oauthStatesById').item(id, id).read<StoredOAuthState & ItemDefinition & { ttl?: number }>(),
      );
      if (!resource) return undefined;
      const { ttl, ...state } = strip(resource);
      return { state, etag: resource._etag as string };
    } catch (error) {
      if (error instanceof ErrorResponse && error.code === 404) return undefined;
      throw error;
    }
  }

  webhooks: Store['webhooks'] = {
    list: (tenantId) => this.queryAll<StoredWebhook>('webhooks', tenantId, '', []),
    create: (webhook) => this.create('webhooks', webhook),
    replace: async (webhook) => {
      try {
        await this.call('webhooks.replace', () =>
          this.container('webhooks').item(webhook.id, webhook.tenantId).replace(webhook),
        );
        return true;
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 404) return false;
        throw error;
      }
    },
    delete: async (tenantId, id) => {
      const deliveries = await this.queryAll<StoredDelivery>('deliveries', tenantId, ' AND c.webhookId = @webhook', [
        { name: '@webhook', value: id },
      ]);
      for (const delivery of deliveries) {
        await this.call('deliveries.delete', () => this.container('deliveries').item(delivery.id, tenantId).delete());
      }
      try {
        await this.call('webhooks.delete', () => this.container('webhooks').item(id, tenantId).delete());
        return true;
      } catch (error) {
        if (error instanceof ErrorResponse && error.code === 404) return false;
        throw error;
      }
    },
  };

  deliveries: Store['deliveries'] = {
    create: async (deliveries) => {
      for (const delivery of deliveries) await this.create('deliveries', delivery);
    },
    list: (tenantId, webhookId, page) =>
      this.query<StoredDelivery>(
        'deliveries',
        tenantId,
        webhookId ? ' AND c.webhookId = @webhook' : '',
        webhookId ? [{ name: '@webhook', value: webhookId }] : [],
        page,
        'DESC',
      ),
    claimDue: async (now, until, limit) => {
      // Crosses partitions; a claim is a replace conditioned on the etag, so one replica wins.
      const response = await this.call('deliveries.due', () =>
        this.container('deliveries')
          .items.query<StoredDelivery & ItemDefinition>({
            query: `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.status = 'PENDING' AND c.nextAttemptAt <= @now
              AND (IS_NULL(c.claimedUntil) OR c.claimedUntil < @now)`,
            parameters: [{ name: '@now', value: now }],
          })
          .fetchAll(),
      );
      const claimed: StoredDelivery[] = [];
      for (const found of response.resources) {
        const delivery = { ...strip<StoredDelivery>(found), claimedUntil: until };
        try {
          await this.call('deliveries.claim', () =>
            this.container('deliveries')
              .item(found.id, found.tenantId)
              .replace(delivery, { accessCondition: { type: 'IfMatch', condition: found._etag as string } }),
          );
          claimed.push(delivery);
        } catch (error) {
          if (!(error instanceof ErrorResponse && (error.code === 412 || error.code === 404))) throw error;
        }
      }
      return claimed;
    },
    record: async (delivery) => {
      await this.call('deliveries.replace', () =>
        this.container('deliveries')
          .item(delivery.id, delivery.tenantId)
          .replace({ ...delivery, claimedUntil: null }),
      );
    },
    purgeFinished: async (before, limit) => {
      // Crosses partitions, like the claims; two replicas purging at once find 404s, not errors.
      const response = await this.call('deliveries.finished', () =>
        this.container('deliveries')
          .items.query<{ id: string; tenantId: string }>({
            query: `SELECT TOP ${Math.max(1, Math.floor(limit))} c.id, c.tenantId FROM c
              WHERE (c.status = 'DELIVERED' OR c.status = 'FAILED') AND c.nextAttemptAt < @before`,
            parameters: [{ name: '@before', value: before }],
          })
          .fetchAll(),
      );
      let purged = 0;
      for (const found of response.resources) {
        try {
          await this.call('deliveries.delete', () =>
            this.container('deliveries').item(found.id, found.tenantId).delete(),
          );
          purged += 1;
        } catch (error) {
          if (!(error instanceof ErrorResponse && error.code === 404)) throw error;
        }
      }
      return purged;
    },
  };
}
