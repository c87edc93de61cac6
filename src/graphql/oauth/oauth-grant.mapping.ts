import { OAuthGrantStatus } from '../../oauth/grant-status';
import type { GrantAccess } from '../../oauth/oauth-grants.service';
import type { StoredOAuthGrant, OAuthGrantProblem as StoredProblem } from '../../store/store.types';
import type { OAuthGrant, OAuthGrantProblem, RuntimeOAuthAccess } from './oauth-grant.type';

const dateOrNull = (value: string | null) => (value ? new Date(value) : null);

const problemOf = (problem: StoredProblem | null): OAuthGrantProblem | null =>
  problem && {
    code: problem.code,
    message: problem.message,
    hint: problem.hint,
    providerCode: problem.providerCode ?? null,
    at: new Date(problem.at),
  };

/** A stored grant as callers see it: everything but its tokens. */
export function toOAuthGrant(grant: StoredOAuthGrant | undefined): OAuthGrant {
  if (!grant) {
    return {
      status: OAuthGrantStatus.NOT_CONNECTED,
      grantedScopes: [],
      accessTokenExpiresAt: null,
      lastRefreshedAt: null,
      connectedAt: null,
      connectedBy: null,
      lastError: null,
    };
  }
  const connected = grant.status !== 'NOT_CONNECTED';
  return {
    status: grant.status as OAuthGrantStatus,
    grantedScopes: grant.grantedScopes,
    accessTokenExpiresAt: grant.tokens ? dateOrNull(grant.accessTokenExpiresAt) : null,
    lastRefreshedAt: dateOrNull(grant.lastRefreshedAt),
    connectedAt: connected ? new Date(grant.connectedAt) : null,
    connectedBy: connected ? grant.connectedBy : null,
    lastError: problemOf(grant.lastError),
  };
}

export function toRuntimeOAuthAccess(access: GrantAccess): RuntimeOAuthAccess {
  return {
    status: access.status as OAuthGrantStatus,
    accessToken: access.accessToken,
    accessTokenExpiresAt: dateOrNull(access.accessTokenExpiresAt),
    grantedScopes: access.grantedScopes,
    providerValues: access.providerValues,
    problem: problemOf(access.problem),
  };
}
