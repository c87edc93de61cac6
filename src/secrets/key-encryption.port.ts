/**
 * Key-encryption keys (KEKs) wrap each tenant's data key. Each has an id, recorded beside every
 * wrapped data key, so keys can rotate: new data keys are wrapped by the active KEK, and old
 * ones stay readable until `plugboard kek rotate` re-wraps them.
 *
 * Implementations: a local key file (the default), keys from the environment, and — through
 * this same port — a cloud key service such as Azure Key Vault (see docs/key-management.md).
 */
export interface KeyEncryptionKeys {
  /** Where the keys come from, for logs; never key material. */
  readonly source: string;
  activeKeyId(): string;
  /** Wraps a tenant's data key under the active KEK; the tenant is bound into the wrapping. */
  wrap(tenantId: string, dataKey: Buffer): Promise<{ kekId: string; wrapped: string }>;
  unwrap(tenantId: string, kekId: string, wrapped: string): Promise<Buffer>;
  /** Whether this source can make a new active key itself (a local file can; the environment cannot). */
  readonly canCreateKeys: boolean;
  /** Makes a new active KEK and returns its id. Old keys stay, to unwrap what they wrapped. */
  createActiveKey(): Promise<string>;
}

export class UnknownKeyError extends Error {
  constructor(kekId: string) {
    super(`The key-encryption key "${kekId}" is not available. Restore it before reading data it wrapped.`);
  }
}
