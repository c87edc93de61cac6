import { hashesMatch, hashApiKey as hashToken } from '../auth/api-key.format';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store.port';
import { SCHEMA_VERSION, type StoredRelay } from '../store/store.types';
import { generateRelayToken, newRelayId, parseRelayToken } from './relay-token';

export interface IssuedRelayToken {
  relay: StoredRelay;
  /** Shown once; only its hash is stored. */
  token: string;
}

/** Relays as tenant resources: registered with a name, their agent token shown once. */
export class RelayService {
  constructor(
    private readonly store: Store,
    /** Called when a relay's token stops working, so its agent is disconnected at once. */
    private readonly onTokenRevoked: (tenantId: string, relayId: string) => void,
  ) {}

  list(principal: Principal): Promise<StoredRelay[]> {
    return this.store.relays.list(principal.tenantId);
  }

  async get(principal: Principal, id: string): Promise<StoredRelay | undefined> {
    return (await this.store.relays.getMany(principal.tenantId, [id]))[0];
  }

  async register(principal: Principal, name: string): Promise<IssuedRelayToken> {
    const id = newRelayId();
    const token = generateRelayToken(principal.tenantId, id);
    const relay: StoredRelay = {
      tenantId: principal.tenantId,
      id,
      schemaVersion: SCHEMA_VERSION,
      name,
      createdAt: new Date().toISOString(),
      createdBy: principal.actor,
      tokenHash: hashToken(token),
      revokedAt: null,
      testsRun: 0,
      testsFailed: 0,
    };
    await this.store.relays.create(relay);
    return { relay, token };
  }

  /** A new token for a relay; the old one stops working and its agent is disconnected. */
  async rotateToken(principal: Principal, id: string): Promise<IssuedRelayToken | undefined> {
    const relay = await this.get(principal, id);
    if (!relay || relay.revokedAt) return undefined;
    const token = generateRelayToken(principal.tenantId, id);
    const rotated = { ...relay, tokenHash: hashToken(token) };
    await this.store.relays.replace(rotated);
    this.onTokenRevoked(principal.tenantId, id);
    return { relay: rotated, token };
  }

  async revoke(principal: Principal, id: string): Promise<StoredRelay | undefined> {
    const relay = await this.get(principal, id);
    if (!relay) return undefined;
    const revoked = { ...relay, revokedAt: relay.revokedAt ?? new Date().toISOString() };
    await this.store.relays.replace(revoked);
    this.onTokenRevoked(principal.tenantId, id);
    return revoked;
  }

  /** The relay an agent's token stands for, or undefined for a malformed, unknown or revoked one. */
  async verifyToken(token: string): Promise<StoredRelay | undefined> {
    const parsed = parseRelayToken(token);
    if (!parsed) return undefined;
    const [relay] = await this.store.relays.getMany(parsed.tenantId, [parsed.relayId]);
    if (!relay || relay.revokedAt || !hashesMatch(relay.tokenHash, hashToken(token))) return undefined;
    return relay;
  }
}
