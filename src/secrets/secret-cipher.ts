import { randomBytes } from 'node:crypto';
import { ConflictError } from '../errors';
import type { Store } from '../store/store.port';
import { type EncryptedValue, SCHEMA_VERSION } from '../store/store.types';
import { open, seal } from './aes-gcm';
import type { KeyEncryptionKeys } from './key-encryption.port';
import { KEY_BYTES } from './keyring';

/** Where a value belongs: the ciphertext only opens there. */
export interface SecretLocation {
  tenantId: string;
  configId: string;
  field: string;
}

const valueContext = ({ tenantId, configId, field }: SecretLocation) =>
  `plugboard:field:v1:${tenantId}:${configId}:${field}`;

const messageContext = (tenantId: string, purpose: string) => `plugboard:message:v1:${tenantId}:${purpose}`;

/** How long an unwrapped data key stays in memory before it is unwrapped again. */
const DATA_KEY_TTL_MS = 5 * 60_000;

/**
 * Envelope encryption of locked fields: each value is sealed with AES-256-GCM under its
 * tenant's data key, and bound to tenant, config and field, so a ciphertext copied anywhere
 * else fails to open. Data keys are made on first use and stored wrapped by a KEK.
 *
 * `decrypt` is the only way back to plaintext; only the runtime-config path calls it.
 */
export class SecretCipher {
  private readonly dataKeys = new Map<string, { key: Buffer; expires: number }>();

  constructor(
    private readonly store: Store,
    private readonly keys: KeyEncryptionKeys,
  ) {}

  encrypt(location: SecretLocation, plaintext: string): Promise<EncryptedValue> {
    return this.sealUnder(location.tenantId, valueContext(location), plaintext);
  }

  decrypt(location: SecretLocation, value: EncryptedValue): Promise<string> {
    return this.openUnder(location.tenantId, valueContext(location), value);
  }

  /**
   * Seals a message that crosses shared infrastructure between replicas (a relayed test's values
   * on Redis), under the tenant's data key and bound to what it is for: Redis sees ciphertext,
   * and a message forged or replayed under another purpose fails to open.
   */
  sealMessage(tenantId: string, purpose: string, plaintext: string): Promise<EncryptedValue> {
    return this.sealUnder(tenantId, messageContext(tenantId, purpose), plaintext);
  }

  openMessage(tenantId: string, purpose: string, value: EncryptedValue): Promise<string> {
    return this.openUnder(tenantId, messageContext(tenantId, purpose), value);
  }

  private async sealUnder(tenantId: string, context: string, plaintext: string): Promise<EncryptedValue> {
    const key = await this.dataKeyOf(tenantId);
    return { alg: 'A256GCM', ...seal(key, Buffer.from(plaintext, 'utf8'), context) };
  }

  private async openUnder(tenantId: string, context: string, value: EncryptedValue): Promise<string> {
    const key = await this.dataKeyOf(tenantId);
    return open(key, value, context).toString('utf8');
  }

  private async dataKeyOf(tenantId: string): Promise<Buffer> {
    const cached = this.dataKeys.get(tenantId);
    if (cached && cached.expires > Date.now()) return cached.key;
    const key = (await this.storedDataKey(tenantId)) ?? (await this.createDataKey(tenantId));
    this.dataKeys.set(tenantId, { key, expires: Date.now() + DATA_KEY_TTL_MS });
    return key;
  }

  private async storedDataKey(tenantId: string): Promise<Buffer | undefined> {
    const stored = await this.store.dataKeys.get(tenantId);
    return stored && this.keys.unwrap(tenantId, stored.kekId, stored.wrapped);
  }

  private async createDataKey(tenantId: string): Promise<Buffer> {
    const key = randomBytes(KEY_BYTES);
    const { kekId, wrapped } = await this.keys.wrap(tenantId, key);
    try {
      await this.store.dataKeys.create({
        tenantId,
        id: 'data-key',
        schemaVersion: SCHEMA_VERSION,
        kekId,
        wrapped,
        createdAt: new Date().toISOString(),
        rewrappedAt: null,
      });
      return key;
    } catch (error) {
      // Another replica made the tenant's first key at the same moment: use theirs.
      if (error instanceof ConflictError) return (await this.storedDataKey(tenantId)) as Buffer;
      throw error;
    }
  }
}
