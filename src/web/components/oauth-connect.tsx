import { useState } from 'preact/hooks';
import {
  DisconnectOAuthGrantDocument,
  type OAuthGrantPartsFragment,
  StartOAuthAuthorizationDocument,
} from '../../../codegen/generated-web/graphql';
import { run } from '../api/graphql-client';
import type { Feedback } from '../form/form-actions';

interface OAuthConnectProps extends Pick<Feedback, 'report'> {
  providerName: string;
  /** The saved config; null while the form is new. */
  configId: string | null;
  grant: OAuthGrantPartsFragment | null | undefined;
  /** Unsaved edits: the flow uses saved values, so they must be saved first. */
  dirty: boolean;
  onChanged: () => void;
}

const STATUS_WORDS: Record<string, string> = {
  NOT_CONNECTED: 'Not connected',
  CONNECTED: 'Connected',
  REFRESH_FAILED: 'Renewal failed: reconnect',
  REVOKED: 'Disconnected',
};

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : null);

/**
 * "Connect with …" for a connector whose form chose its consent flow (ConnectorType.oauth): the
 * grant's status, scopes and expiry, and Connect / Reconnect, which sends this tab to the
 * provider and back here. Rendered under the field that chose the flow; no per-connector code.
 */
export function OAuthConnect({ providerName, configId, grant, dirty, report, onChanged }: OAuthConnectProps) {
  const [busy, setBusy] = useState(false);
  const status = grant?.status ?? 'NOT_CONNECTED';
  const connected = status === 'CONNECTED';

  const connect = async () => {
    if (!configId) return;
    setBusy(true);
    try {
      // Back to this form, on this origin (the server allows its own and the UIs' origins).
      const returnUrl = `${window.location.origin}${window.location.pathname}#/configs/${encodeURIComponent(configId)}`;
      const { startOAuthAuthorization: started } = await run(StartOAuthAuthorizationDocument, {
        input: { configId, returnUrl },
      });
      const [problem] = started.errors;
      if (problem || !started.startUrl) {
        report({ message: problem?.message ?? 'The consent could not start.', code: problem?.code });
        setBusy(false);
        return;
      }
      // Through Plugboard's start URL, which binds the flow to this browser before the provider.
      window.location.assign(started.startUrl);
    } catch (error) {
      report({ message: (error as Error).message });
      setBusy(false);
    }
  };

  const disconnect = async () => {
    if (!configId) return;
    setBusy(true);
    try {
      await run(DisconnectOAuthGrantDocument, { input: { configId } });
      onChanged();
    } catch (error) {
      report({ message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="oauth-connect" data-oauth-status={status}>
      <p class="oauth-status">
        <span class={`badge ${connected ? 'badge--ok' : status === 'NOT_CONNECTED' ? 'badge--none' : 'badge--failed'}`}>
          {STATUS_WORDS[status] ?? status}
        </span>
        {connected && grant ? (
          <span class="oauth-details">
            {' '}
            since {when(grant.lastRefreshedAt ?? grant.connectedAt)}
            {grant.accessTokenExpiresAt ? `; access renews before ${when(grant.accessTokenExpiresAt)}` : ''}
            {grant.grantedScopes.length ? `; scopes: ${grant.grantedScopes.join(' ')}` : ''}
          </span>
        ) : null}
      </p>
      {grant?.lastError ? (
        <p class="field-error oauth-error" role="status">
          {grant.lastError.message} {grant.lastError.hint} <code>{grant.lastError.code}</code>
        </p>
      ) : null}
      {!configId || dirty ? (
        <p class="help">Save the configuration to connect: the provider's consent uses the saved client.</p>
      ) : null}
      <button type="button" class="secondary" disabled={busy || !configId || dirty} onClick={() => void connect()}>
        {connected || status === 'REFRESH_FAILED' ? `Reconnect with ${providerName}` : `Connect with ${providerName}`}
      </button>
      {connected ? (
        <button type="button" class="link" disabled={busy} onClick={() => void disconnect()}>
          Disconnect
        </button>
      ) : null}
    </div>
  );
}
