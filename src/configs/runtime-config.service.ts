import type { AuditLog } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import type { GrantAccess, OAuthGrants } from '../oauth/oauth-grants.service';
import type { SecretCipher } from '../secrets/secret-cipher';
import type { Store } from '../store/store.port';

/** A config as the integration runtime needs it: every value, locked ones decrypted. */
export interface RuntimeConfig {
  id: string;
  connectorKey: string;
  connectorVersion: number;
  integrationKey: string | null;
  values: Record<string, unknown>;
  /** With a consent flow chosen: a valid access token (refreshed first when due), or why not. */
  oauth: GrantAccess | null;
}

/**
 * The one path by which plaintext secrets leave the store: the integration runtime reads a
 * config to run it. Every read is audited. Nothing here caches or logs what it returns.
 */
export class RuntimeConfigService {
  constructor(
    private readonly store: Store,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditLog,
    private readonly grants: OAuthGrants,
  ) {}

  /**
   * `purpose` names the reader in the audit trail: the runtime, or a health check (which reads
   * the saved values exactly as the runtime does, to see what the integration would see).
   */
  async read(
    principal: Principal,
    id: string,
    purpose: 'config.runtime-read' | 'config.health-check' = 'config.runtime-read',
  ): Promise<RuntimeConfig | null> {
    const [config] = await this.store.configs.getMany(principal.tenantId, [id]);
    if (!config) return null;
    const values: Record<string, unknown> = { ...config.values };
    for (const [field, secret] of Object.entries(config.secrets)) {
      const plaintext = await this.cipher.decrypt(
        { tenantId: config.tenantId, configId: config.id, field },
        secret.value,
      );
      values[field] = secret.encoding === 'json' ? JSON.parse(plaintext) : plaintext;
    }
    const oauth = await this.grants.access(config);
    const read = Object.keys(config.secrets);
    if (oauth?.accessToken) read.push('oauthAccessToken');
    await this.audit.record(principal, purpose, config.id, read);
    return {
      id: config.id,
      connectorKey: config.connectorKey,
      connectorVersion: config.connectorVersion,
      integrationKey: config.integrationKey,
      values,
      oauth,
    };
  }
}
