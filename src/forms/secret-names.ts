const SECRET_WORDS = /(password|passwd|secret|token|apikey|privatekey|passphrase|credential)/i;
/** Last words that name something about a secret rather than the secret itself: tokenUrl, apiKeyHeaderName. */
const METADATA_SUFFIX = /(Url|Uri|Name|Header|Parameter|Id|Type|Method|Endpoint|Path|Expiry|Audience)$/;

/**
 * Whether a field's name says it holds a secret. Such fields must be locked; the catalogue
 * refuses to load otherwise, so a forgotten `locked` cannot leak a credential.
 */
export function looksSecret(fieldName: string): boolean {
  return SECRET_WORDS.test(fieldName) && !METADATA_SUFFIX.test(fieldName);
}
