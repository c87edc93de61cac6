import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { OidcSettings } from '../environment';
import { TENANT_ID_PATTERN } from './api-key.format';
import { PLATFORM_TENANT, type Principal, type Role } from './principal';

/** Roles a person signed in through the identity provider may hold; machine roles use API keys. */
const USER_ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'VIEWER'];

export class OidcTokenRefused extends Error {}

/**
 * Verifies UI sign-ins: JWT bearer tokens from the OIDC provider, against its JWKS (cached,
 * refetched when a token names a key it does not know, which is how key rotation arrives).
 * Refuses expired tokens, other audiences and issuers, unknown keys and unsigned tokens.
 */
export class OidcVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: OidcSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cooldownDuration: settings.jwksCooldownMs,
      cacheMaxAge: 10 * 60_000,
    });
  }

  /** The principal a token stands for; throws OidcTokenRefused with the reason otherwise. */
  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256', 'PS256', 'ES256'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new OidcTokenRefused('The sign-in has expired. Sign in again.');
      if (error instanceof errors.JWTClaimValidationFailed)
        throw new OidcTokenRefused(`The token is not for Plugboard (${error.claim}).`);
      if (error instanceof errors.JWKSNoMatchingKey)
        throw new OidcTokenRefused('The token is signed with a key the identity provider does not publish.');
      throw new OidcTokenRefused('The token is not a valid signed sign-in token.');
    }
    const tenantId = payload[this.settings.tenantClaim];
    const role = String(payload[this.settings.roleClaim] ?? '').toUpperCase() as Role;
    if (typeof tenantId !== 'string' || !TENANT_ID_PATTERN.test(tenantId))
      throw new OidcTokenRefused(`The token has no valid ${this.settings.tenantClaim} claim.`);
    // The platform tenant holds partner and internal keys; no person administers it by sign-in.
    if (tenantId === PLATFORM_TENANT)
      throw new OidcTokenRefused(`The token's ${this.settings.tenantClaim} claim names the platform, not a customer.`);
    if (!USER_ROLES.includes(role))
      throw new OidcTokenRefused(`The token's ${this.settings.roleClaim} claim must be ADMIN, EDITOR or VIEWER.`);
    return { tenantId, role, actor: `oidc:${String(payload.sub ?? 'unknown')}` };
  }
}
