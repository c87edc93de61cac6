import type { ConnectorConfigPartsFragment } from '../../../codegen/generated-web/graphql';

/** The outcome of a config's last connection test, as words and colour. */
export function LastTestBadge({ lastTest }: { lastTest: ConnectorConfigPartsFragment['lastTest'] }) {
  if (!lastTest) return <span class="badge badge--none">Never tested</span>;
  const when = new Date(lastTest.at).toLocaleString();
  return lastTest.ok ? (
    <span class="badge badge--ok" title={`by ${lastTest.by}`}>
      Test passed {when}
    </span>
  ) : (
    <span class="badge badge--failed" title={`by ${lastTest.by}`}>
      Test failed ({lastTest.code}) {when}
    </span>
  );
}
