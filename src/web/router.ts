import { useEffect, useState } from 'preact/hooks';

/**
 * Routes live in the URL hash, so the server serves one page and a reload (or a shared link)
 * lands on the same view:
 * `#/` catalogue and saved configs · `#/new/<connector>[/<integration>]` · `#/configs/<id>`.
 */
export type Route =
  | { page: 'catalogue' }
  | { page: 'new'; connectorKey: string; integration?: string }
  | { page: 'config'; configId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new' && parts[1]) return { page: 'new', connectorKey: parts[1], integration: parts[2] };
  if (parts[0] === 'configs' && parts[1]) return { page: 'config', configId: parts[1] };
  return { page: 'catalogue' };
}

/**
 * Asked before the view changes; answering false keeps the person where they are. The form page
 * sets one while it holds unsaved changes, so nothing typed is lost to a stray click.
 */
let leaveGuard: (() => boolean) | null = null;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

/** Navigates in code (after a save or delete): the work is done, so no guard is asked. */
export const navigate = (hash: string): void => {
  leaveGuard = null;
  window.location.hash = hash;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let current = window.location.hash;
    const onChange = () => {
      if (window.location.hash === current) return;
      if (leaveGuard && !leaveGuard()) {
        // Put the address back; the hashchange this causes matches `current` and is ignored.
        window.location.hash = current;
        return;
      }
      current = window.location.hash;
      setRoute(parseRoute(current));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
