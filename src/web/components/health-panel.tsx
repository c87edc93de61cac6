import { useState } from 'preact/hooks';
import { CheckConfigHealthDocument, type ConnectorConfigPartsFragment } from '../../../codegen/generated-web/graphql';
import { run } from '../api/graphql-client';
import type { Feedback } from '../form/form-actions';
import { HealthBadge } from './health-badge';

interface HealthPanelProps extends Feedback {
  config: ConnectorConfigPartsFragment;
  onChecked: () => void;
}

/**
 * What the health checks found for a saved config: its status, the open issues with their
 * hints, recently resolved ones, and when credentials expire; "Check now" runs a check with the
 * saved values (unlike the Test button, which needs locked fields typed again).
 */
export function HealthPanel({ config, notify, report, onChecked }: HealthPanelProps) {
  const [busy, setBusy] = useState(false);
  const { health, credentialExpiry } = config;
  const open = health.issues.filter((issue) => !issue.resolvedAt);
  const resolved = health.issues.filter((issue) => issue.resolvedAt).slice(0, 3);

  const check = async () => {
    setBusy(true);
    try {
      const { checkConfigHealth } = await run(CheckConfigHealthDocument, { id: config.id });
      notify(`Health checked: ${checkConfigHealth?.health.status.toLowerCase() ?? 'done'}.`);
      onChecked();
    } catch (error) {
      report({ message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="health-panel" aria-labelledby="health-title">
      <h2 id="health-title">Health</h2>
      <p>
        <HealthBadge health={health} expiries={credentialExpiry} />{' '}
        {health.checkedAt ? `Last checked ${new Date(health.checkedAt).toLocaleString()} with the saved values.` : null}
      </p>
      {open.length ? (
        <ul class="health-issues">
          {open.map((issue) => (
            <li key={`${issue.code}/${issue.field}`} class="field-error">
              <strong>{issue.code}</strong>
              {issue.field ? ` on ${issue.field}` : ''}: {issue.message} {issue.hint}{' '}
              <span class="help">since {new Date(issue.openedAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {resolved.length ? (
        <p class="help">
          Resolved:{' '}
          {resolved
            .map((issue) => `${issue.code} (${new Date(issue.resolvedAt ?? '').toLocaleDateString()})`)
            .join(', ')}
        </p>
      ) : null}
      {credentialExpiry.length ? (
        <p class="help">
          Expiry:{' '}
          {credentialExpiry
            .map(
              (expiry) =>
                `${expiry.field} ${new Date(expiry.expiresAt).toLocaleDateString()} (${expiry.source.toLowerCase()})`,
            )
            .join('; ')}
        </p>
      ) : null}
      <button type="button" class="secondary" disabled={busy} onClick={() => void check()}>
        {busy ? 'Checking…' : 'Check now'}
      </button>
    </section>
  );
}
