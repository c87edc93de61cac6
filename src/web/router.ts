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

export const navigate = (hash: string): void => {
  window.location.hash = hash;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
