import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `pbk_acme.3f9c2a7b1e4d5f60.<43 characters>`: a recognisable prefix (so
 * secret scanners and people can tell what leaked), the tenant and key id (so the key is
 * found with one point read in the tenant's partition), then 256 random bits.
 */
export const API_KEY_PREFIX = 'pbk_';
const KEY_PATTERN = /^pbk_([a-z0-9][a-z0-9-]{0,62})\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface ParsedApiKey {
  tenantId: string;
  keyId: string;
}

export function generateApiKey(tenantId: string): { key: string; keyId: string } {
  const keyId = randomBytes(8).toString('hex');
  return { key: `${API_KEY_PREFIX}${tenantId}.${keyId}.${randomBytes(32).toString('base64url')}`, keyId };
}

export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { tenantId: match[1], keyId: match[2] } : undefined;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The part of a key that may be shown again: prefix, tenant and key id. */
export function displayPrefix(key: string): string {
  return key.slice(0, key.lastIndexOf('.'));
}
