import { useState } from 'preact/hooks';
import { ConnectorConfigsDocument } from '../../../codegen/generated-web/graphql';
import { RequestError, run } from '../api/graphql-client';
import { session } from '../api/session';
import { usePageTitle } from '../components/page-title';

/** Paste an API key; it is checked with one harmless read before the tab keeps it. */
export function SignInPage({ ended, onSignedIn }: { ended: boolean; onSignedIn: () => void }) {
  usePageTitle('Sign in');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    const apiKey = key.trim();
    if (!apiKey) return setError('Paste an API key first.');
    setBusy(true);
    try {
      // Checked before the tab keeps it: a wrong key is never taken for a revoked one.
      await run(ConnectorConfigsDocument, { first: 1 }, apiKey);
      session.signIn(apiKey);
      onSignedIn();
    } catch (failure) {
      const code = failure instanceof RequestError ? failure.code : '';
      setError(
        code === 'UNAUTHENTICATED'
          ? 'Plugboard did not accept this key. Check that it was copied whole and has not been revoked.'
          : (failure as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page sign-in">
      <h1>Sign in to Plugboard</h1>
      {ended ? (
        <p class="load-error" role="alert">
          Plugboard no longer accepts the key this tab used: it was revoked. Sign in with a current key to go on.
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void signIn();
        }}
      >
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for="api-key">API key</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            placeholder="pbk_…"
            value={key}
            aria-invalid={Boolean(error)}
            aria-describedby="api-key-help api-key-error"
            onInput={(event) => setKey(event.currentTarget.value)}
          />
          <p id="api-key-help" class="help">
            Kept in this tab only (session storage) until you sign out or close it. An administrator creates keys with{' '}
            <code>plugboard keys create</code>; the first one is in <code>data/admin-key.txt</code>.
          </p>
          <p id="api-key-error" class="field-error" role="alert">
            {error ?? ''}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
