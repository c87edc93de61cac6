import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Relay agent tokens look like `pbr_acme.<32 hex relay id>.<43 characters>`, like API keys
 * (see auth/api-key.format.ts): a recognisable prefix, then the tenant and relay, so the hub
 * finds the relay with one point read, then 256 random bits. Only the hash is stored.
 */
const TOKEN_PATTERN = /^pbr_([a-z0-9][a-z0-9-]{0,62})\.([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

export function newRelayId(): string {
  return uuidv7().replaceAll('-', '');
}

export function generateRelayToken(tenantId: string, relayId: string): string {
  return `pbr_${tenantId}.${relayId}.${randomBytes(32).toString('base64url')}`;
}

export function parseRelayToken(token: string): { tenantId: string; relayId: string } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { tenantId: match[1], relayId: match[2] } : undefined;
}
