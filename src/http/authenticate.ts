import { GraphQLError } from 'graphql';
import type { ApiKeyService } from '../auth/api-key.service';
import type { Principal } from '../auth/principal';

/**
 * The caller of one request, from `Authorization: Bearer <key>`. No header: anonymous. A header
 * that does not carry a valid key is refused outright (401), rather than silently treated as
 * anonymous, so a revoked or mistyped key is noticed.
 */
export async function authenticate(header: string | undefined, apiKeys: ApiKeyService): Promise<Principal | undefined> {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const principal = match ? await apiKeys.verify(match[1]) : undefined;
  if (!principal) {
    throw new GraphQLError('The API key is not valid: it is malformed, unknown or revoked.', {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
      },
    });
  }
  return principal;
}
