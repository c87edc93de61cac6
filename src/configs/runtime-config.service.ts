import type { AuditLog } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import type { SecretCipher } from '../secrets/secret-cipher';
import type { Store } from '../store/store.port';

/** A config as the integration runtime needs it: every value, locked ones decrypted. */
export interface RuntimeConfig {
  id: string;
  connectorKey: string;
  connectorVersion: number;
  integrationKey: string | null;
  values: Record<string, unknown>;
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
  ) {}

  async read(principal: Principal, id: string): Promise<RuntimeConfig | null> {
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
    await this.audit.record(principal, 'config.runtime-read', config.id, Object.keys(config.secrets));
    return {
      id: config.id,
      connectorKey: config.connectorKey,
      connectorVersion: config.connectorVersion,
      integrationKey: config.integrationKey,
      values,
    };
  }
}
