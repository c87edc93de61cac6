import { InputError } from '../errors';
import type { Store } from '../store/store.port';
import { SCHEMA_VERSION, type StoredApiKey } from '../store/store.types';
import {
  displayPrefix,
  generateApiKey,
  hashApiKey,
  hashesMatch,
  parseApiKey,
  TENANT_ID_PATTERN,
} from './api-key.format';
import { PLATFORM_ROLES, PLATFORM_TENANT, type Principal, type Role, roleFitsTenant } from './principal';

/** A verified key is trusted for this long before the store is asked again. */
const VERIFIED_TTL_MS = 30_000;

export interface CreatedApiKey {
  record: StoredApiKey;
  /** The key itself. Shown once; only its hash is stored. */
  key: string;
}

/**
 * API keys: created with a role in one tenant, shown once, stored as a SHA-256 hash, revoked
 * by id. Verification costs one point read, then is remembered briefly; revoking forgets it at
 * once here, and `onRevoked` tells the other replicas to forget it too (fleet events). A
 * replica that missed such news calls `forgetAll`; at worst a key lives VERIFIED_TTL_MS.
 */
export class ApiKeyService {
  private readonly verified = new Map<string, { principal: Principal; expires: number }>();
  /**
   * Raised by every revocation. A verification that read the key before a revocation finished
   * must not remember it afterwards, or a revoked key would be accepted until the entry expires.
   */
  private revocations = 0;

  constructor(
    private readonly store: Store,
    private readonly onRevoked: (tenantId: string, keyId: string) => void = () => {},
  ) {}

  async create(tenantId: string, role: Role, name: string, createdBy: string): Promise<CreatedApiKey> {
    if (!TENANT_ID_PATTERN.test(tenantId)) {
      throw new InputError(
        'A tenant id is 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit.',
      );
    }
    if (!roleFitsTenant(role, tenantId)) {
      throw new InputError(
        PLATFORM_ROLES.includes(role)
          ? `${role} keys belong to the platform, not to a tenant: create them with --tenant ${PLATFORM_TENANT}.`
          : `${role} keys belong to a customer tenant, not to ${PLATFORM_TENANT}.`,
      );
    }
    const { key, keyId } = generateApiKey(tenantId);
    return { key, record: await this.store.apiKeys.create(this.record(tenantId, keyId, key, role, name, createdBy)) };
  }

  /** Registers a key chosen outside Plugboard (PLUGBOARD_BOOTSTRAP_ADMIN_KEY); idempotent. */
  async register(key: string, role: Role, name: string): Promise<StoredApiKey> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new InputError('The key is not a Plugboard API key (pbk_<tenant>.<16 hex>.<43 base64url>).');
    const existing = await this.store.apiKeys.get(parsed.tenantId, parsed.keyId);
    if (existing) {
      if (!hashesMatch(existing.hash, hashApiKey(key))) throw new InputError('Another key already has this key id.');
      return existing;
    }
    return this.store.apiKeys.create(this.record(parsed.tenantId, parsed.keyId, key, role, name, 'bootstrap'));
  }

  private record(tenantId: string, id: string, key: string, role: Role, name: string, createdBy: string): StoredApiKey {
    return {
      tenantId,
      id,
      schemaVersion: SCHEMA_VERSION,
      name,
      role,
      hash: hashApiKey(key),
      displayPrefix: displayPrefix(key),
      createdAt: new Date().toISOString(),
      createdBy,
      revokedAt: null,
    };
  }

  /** The principal a key stands for, or undefined for a malformed, unknown or revoked key. */
  async verify(key: string): Promise<Principal | undefined> {
    const hash = hashApiKey(key);
    const remembered = this.verified.get(hash);
    if (remembered && remembered.expires > Date.now()) return remembered.principal;
    const parsed = parseApiKey(key);
    if (!parsed) return undefined;
    const revocationsBefore = this.revocations;
    const record = await this.store.apiKeys.get(parsed.tenantId, parsed.keyId);
    if (!record || record.revokedAt || !hashesMatch(record.hash, hash)) return undefined;
    const principal: Principal = { tenantId: record.tenantId, role: record.role, actor: `api-key:${record.id}` };
    if (this.revocations === revocationsBefore)
      this.verified.set(hash, { principal, expires: Date.now() + VERIFIED_TTL_MS });
    return principal;
  }

  list(tenantId: string): Promise<StoredApiKey[]> {
    return this.store.apiKeys.list(tenantId);
  }

  async revoke(tenantId: string, keyId: string): Promise<boolean> {
    this.revocations += 1;
    const revoked = await this.store.apiKeys.revoke(tenantId, keyId, new Date().toISOString());
    this.forget(tenantId, keyId);
    if (revoked) this.onRevoked(tenantId, keyId);
    return revoked;
  }

  /** Stops trusting a remembered verification of this key (revoked here or on another replica). */
  forget(tenantId: string, keyId: string): void {
    this.revocations += 1;
    for (const [hash, { principal }] of this.verified) {
      if (principal.tenantId === tenantId && principal.actor === `api-key:${keyId}`) this.verified.delete(hash);
    }
  }

  /** Forgets every remembered verification: news of a revocation may have been missed. */
  forgetAll(): void {
    this.revocations += 1;
    this.verified.clear();
  }
}
