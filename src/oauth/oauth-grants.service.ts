import type { Catalogue } from '../catalogue/catalogue';
import type { AuthorizationCodeFlow, TestError } from '../connector-kit';
import { TestErrorCode as Code } from '../connector-kit';
import { testError } from '../connector-kit/connection-test.failure';
import type { GrantLocks } from '../fleet/grant-locks.port';
import type { Logger } from '../logger';
import type { SecretCipher, SecretLocation } from '../secrets/secret-cipher';
import { StoreUnavailableError, VersionConflictError } from '../store/store.errors';
import type { Store } from '../store/store.port';
import { type OAuthGrantProblem, SCHEMA_VERSION, type StoredConfig, type StoredOAuthGrant } from '../store/store.types';
import { type TokenAnswer, TokenEndpoint, TokenEndpointFailure } from './token-endpoint';

/** The tokens of a grant, as they are encrypted together. */
interface GrantTokens {
  accessToken: string;
  refreshToken?: string;
}

/** What the runtime gets: a valid access token, or why there is none. */
export interface GrantAccess {
  status: StoredOAuthGrant['status'];
  accessToken: string | null;
  accessTokenExpiresAt: string | null;
  grantedScopes: string[];
  providerValues: Record<string, string>;
  problem: OAuthGrantProblem | null;
}

export interface OAuthGrantsOptions {
  /** A token this close to its expiry is refreshed before it is handed out. */
  refreshMarginSeconds: number;
  /** A refresh found started this long ago, and never finished, was interrupted. */
  interruptedAfterMs: number;
  /** Waits between attempts to store a refresh's answer. */
  writeRetryDelaysMs: readonly number[];
  now?: () => number;
  /** Told when the provider stops honouring a grant (for the oauth.refresh_failed event). */
  onRefreshFailed?: (config: StoredConfig, error: TestError) => Promise<void> | void;
}

const grantLocation = (grant: { tenantId: string; id: string }): SecretLocation => ({
  tenantId: grant.tenantId,
  configId: grant.id,
  field: 'oauth-grant',
});

const problemOf = (error: TestError, at: string): OAuthGrantProblem => ({
  code: error.code,
  message: error.message,
  hint: error.hint,
  ...(error.providerCode ? { providerCode: error.providerCode } : {}),
  at,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * OAuth grants over their life: stored when a consent completes, handed to the runtime as a
 * valid access token, refreshed ahead of expiry, and marked when the provider stops honouring
 * them. A grant's refresh runs once at a time, in this process (one promise per grant) and
 * across replicas (the grant lock), and re-reads the grant under the lock, so a rotated refresh
 * token is spent exactly once. The new tokens are written before anyone gets them; a write that
 * fails is retried, and kept in memory to be retried by the next read rather than lost.
 */
export class OAuthGrants {
  private readonly inFlight = new Map<string, Promise<GrantAccess>>();
  /** Refresh answers granted but not yet stored, by grant: never dropped, never re-requested. */
  private readonly unsaved = new Map<string, StoredOAuthGrant>();
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly catalogue: Catalogue,
    private readonly cipher: SecretCipher,
    private readonly tokens: TokenEndpoint,
    private readonly locks: GrantLocks,
    private readonly logger: Logger,
    private readonly options: OAuthGrantsOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The flow a config's connector declares, when its values choose it. */
  flowOf(config: StoredConfig): AuthorizationCodeFlow | undefined {
    const flow = this.catalogue.connector(config.connectorKey)?.authorizationCode;
    return flow && config.values[flow.field] === flow.option ? flow : undefined;
  }

  /** Stores what a completed consent granted, replacing any earlier grant of the config. */
  async connect(config: StoredConfig, flow: AuthorizationCodeFlow, answer: TokenAnswer, actor: string) {
    const at = new Date(this.now()).toISOString();
    const grant: StoredOAuthGrant = {
      tenantId: config.tenantId,
      id: config.id,
      schemaVersion: SCHEMA_VERSION,
      field: flow.field,
      tokens: await this.seal(config, { accessToken: answer.accessToken, refreshToken: answer.refreshToken }),
      status: 'CONNECTED',
      grantedScopes: answer.scopes ?? flow.scopes(config.values),
      accessTokenExpiresAt: this.expiryOf(answer),
      refreshTokenExpiresAt: this.refreshExpiryOf(answer),
      providerValues: answer.providerValues,
      connectedAt: at,
      connectedBy: actor,
      lastRefreshedAt: null,
      refreshStartedAt: null,
      lastError: null,
      revision: 1,
    };
    this.unsaved.delete(this.keyOf(config));
    await this.store.oauthGrants.put(grant, 0);
    return grant;
  }

  /**
   * Records a consent that failed (refused, or its code not exchanged). An earlier grant keeps
   * its tokens and status; a config that had none gets one NOT_CONNECTED, holding the error.
   */
  async recordConnectFailure(config: StoredConfig, field: string, error: TestError): Promise<void> {
    const at = new Date(this.now()).toISOString();
    const [current] = await this.store.oauthGrants.getMany(config.tenantId, [config.id]);
    if (current) {
      await this.writeLatest({ ...current, lastError: problemOf(error, at) }).catch(() => undefined);
      return;
    }
    await this.store.oauthGrants.put(
      {
        tenantId: config.tenantId,
        id: config.id,
        schemaVersion: SCHEMA_VERSION,
        field,
        tokens: null,
        status: 'NOT_CONNECTED',
        grantedScopes: [],
        accessTokenExpiresAt: null,
        providerValues: {},
        connectedAt: at,
        connectedBy: 'nobody',
        lastRefreshedAt: null,
        refreshStartedAt: null,
        lastError: problemOf(error, at),
        revision: 1,
      },
      0,
    );
  }

  /** Forgets the grant's tokens: REVOKED until someone connects again. */
  async disconnect(config: StoredConfig): Promise<StoredOAuthGrant | undefined> {
    const [current] = await this.store.oauthGrants.getMany(config.tenantId, [config.id]);
    if (!current) return undefined;
    this.unsaved.delete(this.keyOf(config));
    return this.writeLatest({ ...current, status: 'REVOKED', tokens: null, refreshStartedAt: null, lastError: null });
  }

  /**
   * A grant just connected by this actor, within `withinMs`: the only grant a connection test
   * may use. Its access token as it is, never refreshed for a test.
   */
  async justConnected(config: StoredConfig, actor: string, withinMs: number) {
    const [grant] = await this.store.oauthGrants.getMany(config.tenantId, [config.id]);
    if (grant?.status !== 'CONNECTED' || !grant.tokens || grant.connectedBy !== actor) return undefined;
    if (this.now() - Date.parse(grant.connectedAt) > withinMs || grant.lastRefreshedAt) return undefined;
    const tokens = await this.open(grant);
    return { accessToken: tokens.accessToken, providerValues: grant.providerValues };
  }

  /** A valid access token for the runtime: refreshed first when it is due. */
  async access(config: StoredConfig): Promise<GrantAccess | null> {
    const flow = this.flowOf(config);
    if (!flow) return null;
    const key = this.keyOf(config);
    if (this.unsaved.has(key)) return this.single(key, () => this.refreshUnderLock(config, flow));
    const [grant] = await this.store.oauthGrants.getMany(config.tenantId, [config.id]);
    if (!grant) return this.missing();
    if (grant.status !== 'CONNECTED' || !this.isDue(grant)) return this.accessOf(grant);
    return this.single(key, () => this.refreshUnderLock(config, flow, grant.revision));
  }

  /**
   * Refreshes a grant that has not been used or refreshed for a while, before the provider
   * expires it for idleness. True when a refresh happened.
   */
  async refreshIdle(config: StoredConfig, idleBefore: string): Promise<boolean> {
    const flow = this.flowOf(config);
    // A token endpoint resting after failures is not asked: the grant stays idle for the next pass.
    if (!flow || !this.tokens.mayRefresh(flow, config.values)) return false;
    const access = await this.single(this.keyOf(config), () =>
      this.refreshUnderLock(
        config,
        flow,
        undefined,
        (grant) => (grant.lastRefreshedAt ?? grant.connectedAt) < idleBefore,
      ),
    );
    return access.status === 'CONNECTED' && !access.problem;
  }

  /** A listener's trouble never turns a refresh's outcome into an error. */
  private async tell(config: StoredConfig, error: TestError): Promise<void> {
    try {
      await this.options.onRefreshFailed?.(config, error);
    } catch (failure) {
      this.logger.warn({ err: failure }, 'telling of a failed OAuth refresh failed');
    }
  }

  private keyOf(config: { tenantId: string; id: string }) {
    return `${config.tenantId}/${config.id}`;
  }

  /** One refresh per grant in this process: concurrent readers share its answer. */
  private single(key: string, run: () => Promise<GrantAccess>): Promise<GrantAccess> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = run().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /**
   * Whether the access token is close enough to expiry to renew: within the margin, or within
   * the second half of its life when it lives shorter than twice the margin (a provider's
   * five-minute tokens are not renewed on every read).
   */
  private isDue(grant: StoredOAuthGrant): boolean {
    if (!grant.accessTokenExpiresAt) return false;
    const expires = Date.parse(grant.accessTokenExpiresAt);
    const lifetime = expires - Date.parse(grant.lastRefreshedAt ?? grant.connectedAt);
    const margin = Math.min(this.options.refreshMarginSeconds * 1000, lifetime / 2);
    return expires - margin <= this.now();
  }

  private expiryOf(answer: TokenAnswer): string | null {
    return answer.expiresInSeconds ? new Date(this.now() + answer.expiresInSeconds * 1000).toISOString() : null;
  }

  /**
   * `seenRevision` is the revision that looked due: when the grant moved on meanwhile, another
   * process refreshed it, and its answer is used rather than spending the new refresh token.
   */
  private refreshExpiryOf(answer: TokenAnswer): string | null {
    return answer.refreshExpiresInSeconds
      ? new Date(this.now() + answer.refreshExpiresInSeconds * 1000).toISOString()
      : null;
  }

  private async refreshUnderLock(
    config: StoredConfig,
    flow: AuthorizationCodeFlow,
    seenRevision?: number,
    stillWanted: (grant: StoredOAuthGrant) => boolean = (grant) => this.isDue(grant),
  ): Promise<GrantAccess> {
    return this.locks.withLock(`oauth-grant:${this.keyOf(config)}`, async () => {
      const pending = this.unsaved.get(this.keyOf(config));
      if (pending) return this.accessOf(await this.persist(pending));
      // Read again under the lock: another process may have refreshed it meanwhile.
      const [grant] = await this.store.oauthGrants.getMany(config.tenantId, [config.id]);
      if (!grant) return this.missing();
      if (grant.status !== 'CONNECTED' || !grant.tokens || !stillWanted(grant)) return this.accessOf(grant);
      const refreshedMeanwhile =
        seenRevision !== undefined && grant.revision !== seenRevision && !grant.refreshStartedAt;
      if (refreshedMeanwhile && !this.isExpired(grant)) return this.accessOf(grant);
      const at = new Date(this.now()).toISOString();
      if (grant.refreshStartedAt && this.now() - Date.parse(grant.refreshStartedAt) > this.options.interruptedAfterMs) {
        const error = testError(Code.OAUTH_REFRESH_INTERRUPTED, { field: flow.field });
        this.logger.warn({ tenantId: config.tenantId, configId: config.id }, 'an OAuth refresh was interrupted');
        await this.tell(config, error);
        return this.accessOf(
          await this.writeLatest({
            ...grant,
            status: 'REFRESH_FAILED',
            refreshStartedAt: null,
            lastError: problemOf(error, at),
          }),
        );
      }
      const tokens = await this.open(grant);
      if (!tokens.refreshToken) {
        const error = testError(Code.OAUTH_REFRESH_FAILED, {
          field: flow.field,
          message: 'The provider gave no refresh token, so the access cannot be renewed.',
          hint: 'Ask for offline access (the offline_access scope, or the provider\'s "refresh token" permission), then reconnect.',
        });
        return this.accessOf(
          await this.writeLatest({ ...grant, status: 'REFRESH_FAILED', lastError: problemOf(error, at) }),
        );
      }
      // The provider's token endpoint is resting after repeated failures: the token as it is
      // (valid, or absent with the last failure), with no write and no wait.
      if (!this.tokens.mayRefresh(flow, config.values)) return this.accessOf(grant);
      // The intent first: a crash after the provider's answer leaves this mark, not a retry.
      const marked = await this.store.oauthGrants.put(
        { ...grant, refreshStartedAt: at, revision: grant.revision + 1 },
        grant.revision,
      );
      let answer: TokenAnswer;
      try {
        answer = await this.tokens.refresh(flow, config.values, await this.clientOf(config, flow), tokens.refreshToken);
      } catch (failure) {
        if (!(failure instanceof TokenEndpointFailure)) throw failure;
        const problem = problemOf(failure.error, at);
        this.logger.warn(
          { tenantId: config.tenantId, configId: config.id, code: failure.error.code },
          'an OAuth refresh failed',
        );
        const failed = await this.writeLatest({
          ...marked,
          status: failure.permanent ? 'REFRESH_FAILED' : 'CONNECTED',
          refreshStartedAt: null,
          lastError: problem,
        });
        if (failure.permanent) await this.tell(config, failure.error);
        return this.accessOf(failed);
      }
      const refreshed: StoredOAuthGrant = {
        ...marked,
        tokens: await this.seal(config, {
          accessToken: answer.accessToken,
          // Rotation: the new refresh token replaces the old, which is spent.
          refreshToken: answer.refreshToken ?? tokens.refreshToken,
        }),
        accessTokenExpiresAt: this.expiryOf(answer),
        refreshTokenExpiresAt: answer.refreshToken ? this.refreshExpiryOf(answer) : marked.refreshTokenExpiresAt,
        grantedScopes: answer.scopes ?? marked.grantedScopes,
        providerValues: { ...marked.providerValues, ...answer.providerValues },
        lastRefreshedAt: at,
        refreshStartedAt: null,
        lastError: null,
        revision: marked.revision + 1,
      };
      this.unsaved.set(this.keyOf(config), refreshed);
      return this.accessOf(await this.persist(refreshed));
    });
  }

  /**
   * Stores a refresh's answer, retrying; on success it is no longer pending. After the last
   * attempt the answer stays pending in memory, for the next read to store first.
   */
  private async persist(refreshed: StoredOAuthGrant): Promise<StoredOAuthGrant> {
    const key = this.keyOf(refreshed);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.store.oauthGrants.put(refreshed, refreshed.revision - 1);
        this.unsaved.delete(key);
        return refreshed;
      } catch (error) {
        if (error instanceof VersionConflictError || attempt >= this.options.writeRetryDelaysMs.length) {
          if (error instanceof VersionConflictError) this.unsaved.delete(key);
          this.logger.error(
            { tenantId: refreshed.tenantId, configId: refreshed.id, attempt: attempt + 1 },
            'a refreshed OAuth grant could not be stored',
          );
          throw error instanceof VersionConflictError
            ? error
            : new StoreUnavailableError('The refreshed connection could not be saved yet. Try again shortly.');
        }
        await pause(this.options.writeRetryDelaysMs[attempt]);
      }
    }
  }

  /** Writes a change over the newest stored revision (status and errors are not contended). */
  private async writeLatest(grant: StoredOAuthGrant): Promise<StoredOAuthGrant> {
    const [current] = await this.store.oauthGrants.getMany(grant.tenantId, [grant.id]);
    const revision = current?.revision ?? grant.revision;
    const next = { ...grant, revision: revision + 1 };
    await this.store.oauthGrants.put(next, revision);
    return next;
  }

  private isExpired(grant: StoredOAuthGrant): boolean {
    return grant.accessTokenExpiresAt !== null && Date.parse(grant.accessTokenExpiresAt) <= this.now();
  }

  private async accessOf(grant: StoredOAuthGrant): Promise<GrantAccess> {
    const usable = grant.status === 'CONNECTED' && grant.tokens;
    const tokens = usable && !this.isExpired(grant) ? await this.open(grant) : undefined;
    return {
      status: grant.status,
      accessToken: tokens?.accessToken ?? null,
      accessTokenExpiresAt: tokens ? grant.accessTokenExpiresAt : null,
      grantedScopes: grant.grantedScopes,
      providerValues: grant.providerValues,
      problem: grant.lastError,
    };
  }

  private missing(): GrantAccess {
    return {
      status: 'NOT_CONNECTED',
      accessToken: null,
      accessTokenExpiresAt: null,
      grantedScopes: [],
      providerValues: {},
      problem: null,
    };
  }

  /** The client ID and the saved client secret, decrypted, for the code exchange and refreshes. */
  async clientOf(config: StoredConfig, flow: AuthorizationCodeFlow) {
    const secret = config.secrets[flow.clientSecretField];
    return {
      clientId: String(config.values[flow.clientIdField] ?? ''),
      clientSecret: secret
        ? await this.cipher.decrypt(
            { tenantId: config.tenantId, configId: config.id, field: flow.clientSecretField },
            secret.value,
          )
        : '',
    };
  }

  private async seal(config: StoredConfig, tokens: GrantTokens) {
    return this.cipher.encrypt(grantLocation(config), JSON.stringify(tokens));
  }

  private async open(grant: StoredOAuthGrant): Promise<GrantTokens> {
    if (!grant.tokens) throw new Error('a grant without tokens was opened');
    return JSON.parse(await this.cipher.decrypt(grantLocation(grant), grant.tokens)) as GrantTokens;
  }
}
