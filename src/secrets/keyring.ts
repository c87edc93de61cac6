import { randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { type KeyEncryptionKeys, UnknownKeyError } from './key-encryption.port';

export const KEY_BYTES = 32;

/** The key material of a keyring: every KEK by id, and which one wraps new data keys. */
export interface KeyringContents {
  active: string;
  keys: Record<string, string>;
}

export function newKeyId(): string {
  return `kek-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
}

export function newKeyMaterial(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** The wrapping names its tenant, so a data key copied to another tenant does not unwrap. */
const wrapContext = (tenantId: string, kekId: string) => `plugboard:data-key:v1:${tenantId}:${kekId}`;

/**
 * KEKs held in this process's memory and used with AES-256-GCM. The local-file and
 * environment providers load a keyring from where they keep it.
 */
export class Keyring implements Omit<KeyEncryptionKeys, 'source' | 'canCreateKeys' | 'createActiveKey'> {
  private keys = new Map<string, Buffer>();
  private active: string;

  constructor(contents: KeyringContents) {
    this.active = contents.active;
    this.load(contents);
  }

  protected load(contents: KeyringContents): void {
    const keys = new Map<string, Buffer>();
    for (const [id, material] of Object.entries(contents.keys)) {
      const key = Buffer.from(material, 'base64');
      if (key.length !== KEY_BYTES) throw new Error(`Key-encryption key "${id}" must be ${KEY_BYTES} bytes of base64.`);
      keys.set(id, key);
    }
    if (!keys.has(contents.active))
      throw new Error(`The active key-encryption key "${contents.active}" is not in the keyring.`);
    this.keys = keys;
    this.active = contents.active;
  }

  activeKeyId(): string {
    return this.active;
  }

  async wrap(tenantId: string, dataKey: Buffer): Promise<{ kekId: string; wrapped: string }> {
    const kek = this.keys.get(this.active) as Buffer;
    const sealed = seal(kek, dataKey, wrapContext(tenantId, this.active));
    return { kekId: this.active, wrapped: [sealed.iv, sealed.ciphertext, sealed.tag].join('.') };
  }

  async unwrap(tenantId: string, kekId: string, wrapped: string): Promise<Buffer> {
    const kek = this.keys.get(kekId);
    if (!kek) throw new UnknownKeyError(kekId);
    const [iv, ciphertext, tag] = wrapped.split('.');
    return open(kek, { iv, ciphertext, tag }, wrapContext(tenantId, kekId));
  }
}
