import { useEffect } from 'preact/hooks';

/** Names the browser tab after the view, so tabs, history and screen readers tell views apart. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Plugboard` : 'Plugboard';
  }, [title]);
}
