import type { TestError } from '../connector-kit';
import { TestErrorCategory } from '../connector-kit';
import type { HealthRecord, HealthStatus, StoredHealthIssue } from '../store/store.types';
import type { PlugboardEventType } from './health-events';

/** Resolved issues kept for the record, after the open ones. */
const RESOLVED_KEPT = 10;

/** Codes that say the service is reduced, not broken: the config still works, more slowly or partly. */
const DEGRADING_CODES = new Set(['THROTTLED', 'TOO_MANY_CONNECTIONS', 'RELAY_SERVICE_UNAVAILABLE', 'RELAY_DEGRADED']);

/** Expiry warnings are issues of their own, opened and resolved by the expiry check, not the test. */
export const EXPIRY_CODES = new Set(['CREDENTIAL_EXPIRING', 'CREDENTIAL_EXPIRED']);

export const EMPTY_HEALTH: HealthRecord = { status: 'UNKNOWN', checkedAt: null, issues: [], warnedExpiries: {} };

export interface HealthChange {
  health: HealthRecord;
  /** Transitions worth telling webhooks about, with the issue that caused them. */
  events: { type: PlugboardEventType; field: string | null; code: string | null; expiresAt?: string }[];
}

const sameProblem = (issue: StoredHealthIssue, code: string, field: string | null) =>
  issue.code === code && issue.field === field;

function bounded(issues: StoredHealthIssue[]): StoredHealthIssue[] {
  const open = issues.filter((issue) => !issue.resolvedAt);
  const resolved = issues
    .filter((issue) => issue.resolvedAt)
    .sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''))
    .slice(0, RESOLVED_KEPT);
  return [...open, ...resolved];
}

/**
 * The health after one check. A failure opens an issue with its code and field, or keeps the
 * open one for the same problem (one issue while it persists); any other open test issue is
 * resolved, as that problem is gone. A success resolves every open test issue. Expiry issues
 * are left to the expiry check.
 */
export function afterCheck(
  previous: HealthRecord | null | undefined,
  error: TestError | null,
  now: string,
): HealthChange {
  const before = previous ?? EMPTY_HEALTH;
  const events: HealthChange['events'] = [];
  const issues = before.issues.map((issue) => ({ ...issue }));
  const field = error?.field ?? null;
  for (const issue of issues) {
    if (issue.resolvedAt || EXPIRY_CODES.has(issue.code)) continue;
    if (!error || !sameProblem(issue, error.code, field)) issue.resolvedAt = now;
  }
  let status: HealthStatus = 'HEALTHY';
  if (error) {
    status =
      DEGRADING_CODES.has(error.code) || error.category === TestErrorCategory.THROTTLING ? 'DEGRADED' : 'FAILING';
    const open = issues.find((issue) => !issue.resolvedAt && sameProblem(issue, error.code, field));
    if (!open) {
      issues.unshift({
        code: error.code,
        field,
        message: error.message,
        hint: error.hint,
        openedAt: now,
        resolvedAt: null,
      });
      events.push({
        type: status === 'DEGRADED' ? 'config.health.degraded' : 'config.health.failing',
        field,
        code: error.code,
      });
    }
  } else if (before.status === 'FAILING' || before.status === 'DEGRADED') {
    events.push({ type: 'config.health.recovered', field: null, code: null });
  }
  return { health: { ...before, status, checkedAt: now, issues: bounded(issues) }, events };
}

/** Opens or resolves the expiry issue of one field; events for a newly crossed threshold. */
export function withExpiry(
  change: HealthChange,
  field: string,
  expiry: { expiresAt: string; daysLeft: number } | null,
  thresholds: readonly number[],
  now: string,
): HealthChange {
  const health = {
    ...change.health,
    issues: [...change.health.issues],
    warnedExpiries: { ...change.health.warnedExpiries },
  };
  const events = [...change.events];
  const openIndex = health.issues.findIndex(
    (issue) => !issue.resolvedAt && EXPIRY_CODES.has(issue.code) && issue.field === field,
  );
  const warnFrom = Math.max(...thresholds);
  if (!expiry || expiry.daysLeft > warnFrom) {
    if (openIndex >= 0) health.issues[openIndex] = { ...health.issues[openIndex], resolvedAt: now };
    delete health.warnedExpiries[field];
    return { health: { ...health, issues: bounded(health.issues) }, events };
  }
  const expired = expiry.daysLeft <= 0;
  const code = expired ? 'CREDENTIAL_EXPIRED' : 'CREDENTIAL_EXPIRING';
  const when = new Date(expiry.expiresAt).toUTCString();
  const issue: StoredHealthIssue = {
    code,
    field,
    message: expired
      ? `This credential expired on ${when}.`
      : `This credential expires on ${when}, in ${Math.ceil(expiry.daysLeft)} days.`,
    hint: 'Renew it at the provider (a new secret or certificate), save it here, and remove the old one there once the integration uses the new one.',
    openedAt: now,
    resolvedAt: null,
  };
  if (openIndex >= 0) {
    const open = health.issues[openIndex];
    health.issues[openIndex] = open.code === code ? { ...issue, openedAt: open.openedAt } : issue;
  } else {
    health.issues.unshift(issue);
  }
  // One event per threshold crossed, however often the check runs.
  const crossed = expired ? 0 : Math.min(...thresholds.filter((days) => expiry.daysLeft <= days));
  const warned = health.warnedExpiries[field];
  if (warned === undefined || crossed < warned) {
    health.warnedExpiries[field] = crossed;
    events.push({
      type: expired ? 'credential.expired' : 'credential.expiring',
      field,
      code,
      expiresAt: expiry.expiresAt,
    });
  }
  return { health: { ...health, issues: bounded(health.issues) }, events };
}
