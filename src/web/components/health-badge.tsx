import type { ConnectorConfigPartsFragment } from '../../../codegen/generated-web/graphql';

type Health = ConnectorConfigPartsFragment['health'];
type Expiry = ConnectorConfigPartsFragment['credentialExpiry'][number];

const WORDS: Record<string, string> = {
  UNKNOWN: 'Not checked yet',
  HEALTHY: 'Healthy',
  FAILING: 'Failing',
  DEGRADED: 'Degraded',
};

const CLASSES: Record<string, string> = {
  UNKNOWN: 'badge--none',
  HEALTHY: 'badge--ok',
  FAILING: 'badge--failed',
  DEGRADED: 'badge--warning',
};

const DAY_MS = 86_400_000;

/** The soonest expiry, as words, when it is within `days`. */
export function expiryWords(expiries: readonly Expiry[], days = 60): string | null {
  const [soonest] = expiries;
  if (!soonest) return null;
  const left = Math.ceil((Date.parse(soonest.expiresAt) - Date.now()) / DAY_MS);
  if (left > days) return null;
  return left <= 0 ? `${soonest.field} expired` : `${soonest.field} expires in ${left} days`;
}

/** A config's health as words and colour, with the open issue's code and the soonest expiry. */
export function HealthBadge({ health, expiries }: { health: Health; expiries: readonly Expiry[] }) {
  // Expiry warnings have a badge of their own; this one names what the check found.
  const open = health.issues.find((issue) => !issue.resolvedAt && !issue.code.startsWith('CREDENTIAL_'));
  const expiring = expiryWords(expiries);
  return (
    <span class="health">
      <span
        class={`badge ${CLASSES[health.status] ?? 'badge--none'}`}
        title={health.checkedAt ? `checked ${new Date(health.checkedAt).toLocaleString()}` : undefined}
      >
        {WORDS[health.status] ?? health.status}
        {open ? ` (${open.code})` : ''}
      </span>
      {expiring ? <span class="badge badge--warning">{expiring}</span> : null}
    </span>
  );
}
