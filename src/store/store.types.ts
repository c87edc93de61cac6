/**
 * The documents Plugboard stores. Every one belongs to a tenant and carries a schema version,
 * so a later shape can be migrated as documents are read.
 */
export const SCHEMA_VERSION = 1;

interface TenantOwned {
  tenantId: string;
  id: string;
  schemaVersion: number;
}

/** One locked field's value, encrypted under the tenant's data key. Never plaintext. */
export interface EncryptedValue {
  /** Always AES-256-GCM today; named so that a later algorithm can sit beside it. */
  alg: 'A256GCM';
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface StoredSecret {
  value: EncryptedValue;
  /** `json` when the plaintext is a JSON value (a locked list), not text. */
  encoding?: 'json';
  updatedAt: string;
  updatedBy: string;
}

export interface LastTestRecord {
  ok: boolean;
  code: string | null;
  at: string;
  by: string;
}

export type HealthStatus = 'UNKNOWN' | 'HEALTHY' | 'FAILING' | 'DEGRADED';

/** One problem a health check found: open while it persists, resolved by the next success. */
export interface StoredHealthIssue {
  code: string;
  field: string | null;
  message: string;
  hint: string;
  openedAt: string;
  resolvedAt: string | null;
}

/** What the last health check of a config found. */
export interface HealthRecord {
  status: HealthStatus;
  checkedAt: string | null;
  /** Open issues, then the most recently resolved ones (a bounded history). */
  issues: StoredHealthIssue[];
  /** Expiry warnings already sent, by field: the smallest threshold (days) warned of. */
  warnedExpiries: Record<string, number>;
  /** What the provider said about credential expiry at the last check that could read it. */
  reportedExpiries?: { field: string; expiresAt: string }[];
}

export type CredentialExpirySource = 'CERTIFICATE' | 'OAUTH_GRANT' | 'PROVIDER' | 'USER';

export interface StoredConfig extends TenantOwned {
  name: string;
  /** Lower-cased name, so that name searches need no function in the query. */
  nameLower: string;
  connectorKey: string;
  connectorVersion: number;
  integrationKey: string | null;
  /** Values of the visible, unlocked fields. */
  values: Record<string, unknown>;
  /** Locked fields that hold a value, by field name. */
  secrets: Record<string, StoredSecret>;
  /** Locked fields that were cleared, by field name, so the form can say when and by whom. */
  clearedSecrets: Record<string, { updatedAt: string; updatedBy: string }>;
  relayId: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Raised by one on every change; writers must name the version they read. */
  version: number;
  lastTest: LastTestRecord | null;
  /** The last health check's findings; absent until the first check. */
  health?: HealthRecord | null;
  /** Expiry dates a person entered for locked fields whose expiry cannot be read, by field. */
  secretExpiries?: Record<string, string>;
}

export type ApiKeyRole = 'ADMIN' | 'EDITOR' | 'VIEWER' | 'RUNTIME' | 'PARTNER' | 'INTERNAL';

export interface StoredApiKey extends TenantOwned {
  name: string;
  role: ApiKeyRole;
  /** SHA-256 of the whole key, hex. The key itself is never stored. */
  hash: string;
  /** The recognisable, non-secret start of the key, for lists. */
  displayPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

/** A tenant's data-encryption key, wrapped by a key-encryption key. */
export interface StoredDataKey extends TenantOwned {
  /** The id of the key-encryption key that wraps it. */
  kekId: string;
  wrapped: string;
  createdAt: string;
  rewrappedAt: string | null;
}

export type AuditAction =
  | 'config.created'
  | 'config.updated'
  | 'config.deleted'
  | 'config.runtime-read'
  | 'config.health-check'
  | 'api-key.created'
  | 'api-key.revoked';

export interface StoredAuditEvent extends TenantOwned {
  at: string;
  actor: string;
  action: AuditAction;
  targetId: string;
  /** Names of the fields a change touched; never their values. */
  fields: string[];
}

export interface StoredRelay extends TenantOwned {
  name: string;
  createdAt: string;
  createdBy: string;
  /** SHA-256 of the agent's token, hex. The token itself is never stored. */
  tokenHash: string;
  revokedAt: string | null;
  testsRun: number;
  testsFailed: number;
}

export type OAuthGrantStatus = 'NOT_CONNECTED' | 'CONNECTED' | 'REFRESH_FAILED' | 'REVOKED';

/** What went wrong with a grant last, in words a person can act on; never a token. */
export interface OAuthGrantProblem {
  code: string;
  message: string;
  hint: string;
  /** The provider's own code, such as AADSTS70008 or invalid_grant. */
  providerCode?: string;
  at: string;
}

/**
 * Delegated access granted through the OAuth authorization code flow for one config. Its id is
 * the config's id: a config holds at most one grant. The tokens are one encrypted JSON value.
 */
export interface StoredOAuthGrant extends TenantOwned {
  /** The form field whose value chose the flow (`authMethod`); errors are put on it. */
  field: string;
  /**
   * `{ accessToken, refreshToken }`, encrypted under the tenant's data key; null when there are
   * none (a consent that was refused before any succeeded, a revoked grant).
   */
  tokens: EncryptedValue | null;
  status: OAuthGrantStatus;
  grantedScopes: string[];
  accessTokenExpiresAt: string | null;
  /** When the refresh token ends, when the provider says (`refresh_token_expires_in`). */
  refreshTokenExpiresAt?: string | null;
  /** Non-secret values of the token answer the runtime needs, such as Salesforce's instance_url. */
  providerValues: Record<string, string>;
  connectedAt: string;
  connectedBy: string;
  lastRefreshedAt: string | null;
  /**
   * Set while a refresh is in flight and cleared by the write that stores its answer. Found
   * set and old, it means a process died between the provider's answer and the write: the old
   * refresh token may already be spent, so it is never sent again.
   */
  refreshStartedAt: string | null;
  lastError: OAuthGrantProblem | null;
  /** Raised by one on every write; writers name the revision they read. */
  revision: number;
}

/**
 * An authorization in progress: created by `startOAuthAuthorization`, taken (once) by the
 * callback. Its id is the SHA-256 of the `state` parameter, so the stored row cannot be
 * replayed as a state.
 */
export interface StoredOAuthState extends TenantOwned {
  configId: string;
  field: string;
  /** Who started it; only their session can finish it. */
  actor: string;
  /** The PKCE code verifier, encrypted. */
  verifier: EncryptedValue;
  redirectUri: string;
  returnUrl: string | null;
  /** The provider's consent URL, where the browser goes once it holds the binding cookie. */
  authorizationUrl: string;
  /** The SHA-256 (hex) of the one-time token in the start URL, which becomes the browser's cookie. */
  bindingHash: string;
  /** When a browser opened the start URL: from then on only that browser may finish. */
  openedAt: string | null;
  createdAt: string;
  expiresAt: string;
}

/** A tenant's webhook: where events are POSTed, signed with its secret. */
export interface StoredWebhook extends TenantOwned {
  url: string;
  /** Event types it receives; empty means every type. */
  events: string[];
  /** The Standard Webhooks signing secret (`whsec_…`), encrypted. */
  secret: EncryptedValue;
  createdAt: string;
  createdBy: string;
  secretRotatedAt: string | null;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** One event to one webhook, until it is delivered or given up on. */
export interface StoredDelivery extends TenantOwned {
  webhookId: string;
  eventId: string;
  eventType: string;
  /** The exact JSON body sent (codes, fields and ids; never a value). */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  /** Set while a replica is sending it. */
  claimedUntil: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
