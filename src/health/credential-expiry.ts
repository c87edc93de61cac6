import { X509Certificate } from 'node:crypto';
import type { Catalogue } from '../catalogue/catalogue';
import { FormFieldType } from '../connector-kit';
import type { CredentialExpirySource, StoredConfig, StoredOAuthGrant } from '../store/store.types';

export interface CredentialExpiry {
  field: string;
  expiresAt: string;
  source: CredentialExpirySource;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The earliest notAfter of the certificates in a PEM text; undefined when none can be read. */
function certificateExpiry(pem: unknown): string | undefined {
  if (typeof pem !== 'string') return undefined;
  let earliest: number | undefined;
  for (const block of pem.match(PEM_BLOCK) ?? []) {
    try {
      const notAfter = Date.parse(new X509Certificate(block).validTo);
      if (Number.isFinite(notAfter) && (earliest === undefined || notAfter < earliest)) earliest = notAfter;
    } catch {
      // not a certificate Node can read: no expiry from it
    }
  }
  return earliest === undefined ? undefined : new Date(earliest).toISOString();
}

/**
 * Every expiry known for a config's credentials: certificate fields (the earliest notAfter of
 * what was pasted: a client certificate, the certificate of a key pair, a CA bundle), the
 * grant's refresh token when the provider said when it ends, what the provider reported at the
 * last health check (an Entra app's client secret), and dates a person entered for secrets
 * that cannot be read.
 */
export function credentialExpiries(
  config: StoredConfig,
  catalogue: Catalogue,
  grant?: StoredOAuthGrant,
): CredentialExpiry[] {
  const found: CredentialExpiry[] = [];
  for (const field of catalogue.connector(config.connectorKey)?.fields ?? []) {
    if (field.type !== FormFieldType.CERTIFICATE) continue;
    const expiresAt = certificateExpiry(config.values[field.name]);
    if (expiresAt) found.push({ field: field.name, expiresAt, source: 'CERTIFICATE' });
  }
  if (grant?.status === 'CONNECTED' && grant.refreshTokenExpiresAt) {
    found.push({ field: grant.field, expiresAt: grant.refreshTokenExpiresAt, source: 'OAUTH_GRANT' });
  }
  for (const { field, expiresAt } of config.health?.reportedExpiries ?? []) {
    found.push({ field, expiresAt, source: 'PROVIDER' });
  }
  for (const [field, expiresAt] of Object.entries(config.secretExpiries ?? {})) {
    if (config.secrets[field]) found.push({ field, expiresAt, source: 'USER' });
  }
  return found.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}
