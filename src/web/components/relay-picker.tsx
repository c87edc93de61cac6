import type { RelayPartsFragment } from '../../../codegen/generated-web/graphql';

export interface RelayDirectory {
  relays: RelayPartsFragment[];
  /** Why the list could not be read (a role without access, the server gone). */
  error?: string;
}

const STATUS_TEXT: Record<RelayPartsFragment['status'], string> = {
  ONLINE: 'online',
  DEGRADED: 'degraded (an agent is late or draining)',
  OFFLINE: 'offline',
};

type Agent = RelayPartsFragment['agents'][number];

const AGENT_TEXT: Record<Agent['status'], string> = {
  ONLINE: 'online',
  DEGRADED: 'late',
  DRAINING: 'draining',
};

/** "dc01 online, dc02 draining" — each agent of a group, for the status line. */
function agentsText(relay: RelayPartsFragment): string {
  if (relay.agents.length < 2) {
    return `${relay.hostname ? ` on ${relay.hostname}` : ''}${relay.agentVersion ? `, agent ${relay.agentVersion}` : ''}`;
  }
  const each = relay.agents.map((agent) => `${agent.name} ${AGENT_TEXT[agent.status]}`).join(', ');
  return `: ${each}${relay.agentVersionsDiffer ? ' (agents run different versions)' : ''}`;
}

interface RelayPickerProps {
  id: string;
  value: string;
  directory: RelayDirectory;
  describedBy: string;
  invalid: boolean;
  onChange: (relayId: string) => void;
}

/**
 * The tenant's relays with their agents' status, refreshed by the form page while it is open.
 * The status line is a polite live region, so a relay going offline is announced.
 */
export function RelayPicker({ id, value, directory, describedBy, invalid, onChange }: RelayPickerProps) {
  const active = directory.relays.filter((relay) => !relay.revokedAt);
  const chosen = active.find((relay) => relay.id === value);
  return (
    <div class="relay-picker">
      <select
        id={id}
        value={value}
        aria-describedby={`${describedBy} ${id}-status`}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">Connect directly (no relay)</option>
        {active.map((relay) => (
          <option key={relay.id} value={relay.id}>
            {relay.name} ({STATUS_TEXT[relay.status]})
          </option>
        ))}
        {value && !chosen ? <option value={value}>Unknown or revoked relay</option> : null}
      </select>
      <p id={`${id}-status`} class="relay-status" role="status" aria-live="polite">
        {directory.error ? (
          <span class="status-unknown">Relay status unavailable: {directory.error}</span>
        ) : chosen ? (
          <span class={`status-${chosen.status.toLowerCase()}`} data-relay-status={chosen.status}>
            {chosen.name} is {STATUS_TEXT[chosen.status]}
            {agentsText(chosen)}.
          </span>
        ) : active.length === 0 ? (
          'No relays registered for your organisation.'
        ) : (
          `${active.filter((relay) => relay.status === 'ONLINE').length} of ${active.length} relays online.`
        )}
      </p>
    </div>
  );
}
