/**
 * The codes Plugboard's request pipeline raises before any resolver runs (authentication and
 * rate limits in http/, policies in the Apollo plugins). Their messages are written for the
 * caller, so error masking lets every one of them through; add a code here, not a literal.
 */
export enum RequestErrorCode {
  /** No credentials, or credentials nobody issued (http/authenticate.ts). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Too many requests from one caller (http/rate-limit.ts). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Introspection by a caller whose role may not (introspection-policy.plugin.ts). */
  FORBIDDEN = 'FORBIDDEN',
  /** A document outside the trusted manifest (trusted-documents.plugin.ts). */
  UNTRUSTED_DOCUMENT = 'UNTRUSTED_DOCUMENT',
  /** Variables or extensions nested past the limit (http/input-nesting.ts). */
  INPUT_TOO_DEEP = 'INPUT_TOO_DEEP',
  /** Page sizes that add up past the limit (page-cost.plugin.ts). */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
}
