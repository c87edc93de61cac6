import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { SESSION_ENDED, session } from './api/session';
import { ErrorBar, type Problem, type ToastMessage, ToastRegion } from './components/notices';
import { CataloguePage } from './pages/catalogue.page';
import { ConnectorFormPage } from './pages/connector-form.page';
import { SignInPage } from './pages/sign-in.page';
import { useRoute } from './router';

/** The shell: sign-in gate, header, the routed page, and the page-wide toast and error bar. */
export function App() {
  const [signedIn, setSignedIn] = useState(() => session.apiKey() !== null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const route = useRoute();
  const notify = useCallback((text: string) => setToast({ id: Date.now(), text }), []);
  const clearToast = useCallback(() => setToast(null), []);
  // A failure replaces any confirmation still showing: the two never contradict each other on screen.
  const report = useCallback((next: Problem | null) => {
    setProblem(next);
    if (next) setToast(null);
  }, []);
  // A failure belongs to the page it happened on.
  useEffect(() => setProblem(null), [route]);

  // Back from a provider's consent screen: the callback put the outcome in the query.
  useEffect(() => {
    const back = new URLSearchParams(window.location.search);
    const outcome = back.get('oauth');
    if (!outcome) return;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    if (outcome === 'connected') notify('Connected. The integration now gets its access from this grant.');
    else
      report({
        message: 'Not connected.',
        code: back.get('code') ?? undefined,
        hint: 'The reason is under the Connect button.',
      });
  }, [notify, report]);

  const [ended, setEnded] = useState(false);
  // A layout effect, and a check once it is listening: a page's first request can be refused
  // before a passive effect would have added the listener (children's effects run first).
  useLayoutEffect(() => {
    const onEnded = () => {
      setSignedIn(false);
      setEnded(true);
      setProblem(null);
    };
    window.addEventListener(SESSION_ENDED, onEnded);
    if (session.endedByServer()) onEnded();
    return () => window.removeEventListener(SESSION_ENDED, onEnded);
  }, []);

  const signOut = () => {
    session.signOut();
    setSignedIn(false);
    setProblem(null);
  };

  return (
    <>
      {/* A button, not a link to #content: the hash is the route, and #content is none. */}
      <button type="button" class="skip-link" onClick={() => document.getElementById('content')?.focus()}>
        Skip to content
      </button>
      <header class="app-header">
        <a class="brand" href="#/">
          Plugboard
        </a>
        {signedIn ? (
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        ) : null}
      </header>
      <div id="content" tabIndex={-1}>
        {!signedIn ? (
          <SignInPage
            ended={ended}
            onSignedIn={() => {
              session.clearEnded();
              setEnded(false);
              setSignedIn(true);
            }}
          />
        ) : route.page === 'catalogue' ? (
          <CataloguePage />
        ) : route.page === 'new' ? (
          <ConnectorFormPage
            key={`new/${route.connectorKey}/${route.integration ?? ''}`}
            connectorKey={route.connectorKey}
            integration={route.integration}
            notify={notify}
            report={report}
          />
        ) : (
          <ConnectorFormPage key={route.configId} configId={route.configId} notify={notify} report={report} />
        )}
      </div>
      <ToastRegion toast={toast} onDone={clearToast} />
      <ErrorBar problem={problem} onDismiss={() => setProblem(null)} />
    </>
  );
}
