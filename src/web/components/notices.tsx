import { useEffect, useRef } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
}

/** How long a confirmation stays: long enough to read, short enough not to pile up. */
const TOAST_MS = 4000;

/**
 * Confirmations, top right, gone by themselves. The live region is always in the page so that
 * screen readers announce what appears in it.
 */
export function ToastRegion({ toast, onDone }: { toast: ToastMessage | null; onDone: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDone, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, onDone]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div class="toast" key={toast.id}>
          <span aria-hidden="true">✓ </span>
          {toast.text}
        </div>
      ) : null}
    </div>
  );
}

/**
 * What a failed test lets the person trust, after checking it: the certificate a server
 * presented (its CA goes into the CA certificate field) or an SSH host key (its fingerprint
 * is pinned). The facts are what to compare with the administrator's.
 */
export interface TrustPrompt {
  title: string;
  facts: [string, string][];
  action: string;
  onAccept: () => void;
}

export interface Problem {
  message: string;
  hint?: string | null;
  code?: string;
  /** What the remote service itself said, already scrubbed of secrets by the server. */
  detail?: string | null;
  /** A version conflict: offer to load what the other person saved. */
  onReload?: () => void;
  /** An untrusted certificate or an unpinned host key: offer to trust it. */
  trust?: TrustPrompt;
}

/**
 * Failures, in red at the bottom of the page, announced at once. Its height is published as
 * `--error-bar-height`, so the form's action bar can sit above it instead of under it.
 */
export function ErrorBar({ problem, onDismiss }: { problem: Problem | null; onDismiss: () => void }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const publish = () => document.documentElement.style.setProperty('--error-bar-height', `${element.offsetHeight}px`);
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    publish();
    return () => observer.disconnect();
  }, []);
  return (
    <div class="error-region" role="alert" aria-live="assertive" ref={region}>
      {problem ? (
        <div class="error-bar">
          <div class="error-text">
            <strong class="error-message">{problem.message}</strong>
            {problem.hint ? <p class="error-hint">{problem.hint}</p> : null}
            {problem.detail ? <p class="error-detail">{problem.detail}</p> : null}
            {problem.code ? <p class="error-code">Code: {problem.code}</p> : null}
            {problem.trust ? (
              <section class="trust-prompt" aria-label={problem.trust.title}>
                <p class="trust-title">{problem.trust.title}</p>
                <dl>
                  {problem.trust.facts.map(([term, value]) => (
                    <div key={term}>
                      <dt>{term}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
          </div>
          <div class="error-actions">
            {problem.trust ? (
              <button type="button" onClick={problem.trust.onAccept}>
                {problem.trust.action}
              </button>
            ) : null}
            {problem.onReload ? (
              <button type="button" onClick={problem.onReload}>
                Reload the saved version
              </button>
            ) : null}
            <button type="button" class="secondary" onClick={onDismiss}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
