/** The token of an `Authorization: Bearer <token>` header (API key, relay token, OIDC token), or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}
