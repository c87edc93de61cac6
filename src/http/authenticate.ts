import { GraphQLError } from 'graphql';
import { API_KEY_PREFIX } from '../auth/api-key.format';
import type { ApiKeyService } from '../auth/api-key.service';
import { bearerTokenOf } from '../auth/bearer-token';
import { OidcTokenRefused, type OidcVerifier } from '../auth/oidc.verifier';
import type { Principal } from '../auth/principal';
import { RequestErrorCode } from '../graphql/request-error-codes';

/**
 * The caller of one request, from `Authorization: Bearer <API key or OIDC token>`. No header:
 * anonymous. A header that does not carry a valid credential is refused outright (401), rather
 * than silently treated as anonymous, so a revoked key or expired sign-in is noticed.
 */
export async function authenticate(
  header: string | undefined,
  apiKeys: ApiKeyService,
  oidc?: OidcVerifier,
): Promise<Principal | undefined> {
  if (!header) return undefined;
  const token = bearerTokenOf(header) ?? '';
  // API keys are recognisable by their prefix; anything else is an OIDC sign-in token.
  if (token.startsWith(API_KEY_PREFIX) || !oidc) {
    const principal = token ? await apiKeys.verify(token) : undefined;
    if (!principal) throw unauthenticated('The API key is not valid: it is malformed, unknown or revoked.');
    return principal;
  }
  try {
    return await oidc.verify(token);
  } catch (error) {
    if (error instanceof OidcTokenRefused) throw unauthenticated(error.message);
    throw error;
  }
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: RequestErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
    },
  });
}
