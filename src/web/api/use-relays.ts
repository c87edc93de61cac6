import { useEffect, useState } from 'preact/hooks';
import { RelaysDocument } from '../../../codegen/generated-web/graphql';
import type { RelayDirectory } from '../components/relay-picker';
import { run } from './graphql-client';

/** How often an open form refreshes relay status; agents heartbeat every 10 s by default. */
const RELAY_REFRESH_MS = 5000;

/** The tenant's relays and their live status, polled while `enabled` (a form with a relay field). */
export function useRelays(enabled: boolean): RelayDirectory {
  const [directory, setDirectory] = useState<RelayDirectory>({ relays: [] });
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const refresh = async () => {
      try {
        const { relays } = await run(RelaysDocument, {});
        if (!stopped) setDirectory({ relays });
      } catch (error) {
        if (!stopped) setDirectory((current) => ({ ...current, error: (error as Error).message }));
      }
    };
    void refresh();
    const timer = setInterval(refresh, RELAY_REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [enabled]);
  return directory;
}
