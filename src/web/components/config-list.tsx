import { useEffect, useState } from 'preact/hooks';
import {
  ConnectorConfigsDocument,
  type ConnectorConfigsQuery,
  type ConnectorTypesQuery,
} from '../../../codegen/generated-web/graphql';
import { run } from '../api/graphql-client';
import { HealthBadge } from './health-badge';
import { LastTestBadge } from './last-test-badge';

const CONFIG_PAGE_SIZE = 10;

type Page = ConnectorConfigsQuery['connectorConfigs'];

/** The tenant's saved configs, a page at a time (keyset cursors), each with its last test. */
export function ConfigList({ connectors }: { connectors: ConnectorTypesQuery['connectorTypes'] }) {
  // The cursors that opened each page so far; the last one is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const after = cursors[cursors.length - 1];

  useEffect(() => {
    run(ConnectorConfigsDocument, { first: CONFIG_PAGE_SIZE, after })
      .then((data) => setPage(data.connectorConfigs))
      .catch((failure: Error) => setError(failure.message));
  }, [after]);

  const nameOf = (key: string) => connectors.find((connector) => connector.key === key)?.name ?? key;
  return (
    <section class="config-list" aria-labelledby="saved-configs" aria-busy={page === null && !error}>
      <h2 id="saved-configs">Saved configurations</h2>
      {error ? (
        <p class="load-error" role="alert">
          {error}
        </p>
      ) : null}
      {page && page.edges.length === 0 && cursors.length === 1 ? <p>No configurations saved yet.</p> : null}
      {page && page.edges.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Connector</th>
              <th scope="col">Integration</th>
              <th scope="col">Version</th>
              <th scope="col">Last test</th>
              <th scope="col">Health</th>
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node }) => (
              <tr key={node.id} data-config={node.id}>
                <td>
                  <a href={`#/configs/${encodeURIComponent(node.id)}`}>{node.name}</a>
                </td>
                <td>{nameOf(node.connectorType.key)}</td>
                <td>{node.integration?.key ?? '—'}</td>
                <td>{node.version}</td>
                <td>
                  <LastTestBadge lastTest={node.lastTest} />
                </td>
                <td>
                  <HealthBadge health={node.health} expiries={node.credentialExpiry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursors.length === 1 && !page?.pageInfo.hasNextPage ? null : (
        <nav class="pager" aria-label="Saved configurations pages">
          <button
            type="button"
            class="secondary"
            disabled={cursors.length === 1}
            onClick={() => {
              setPage(null);
              setCursors((current) => current.slice(0, -1));
            }}
          >
            Previous page
          </button>
          <span>Page {cursors.length}</span>
          <button
            type="button"
            class="secondary"
            disabled={!page?.pageInfo.hasNextPage}
            onClick={() => {
              const next = page?.pageInfo.endCursor;
              if (!next) return;
              // Cleared at once, so the old page's rows never show under the new page number.
              setPage(null);
              setCursors((current) => [...current, next]);
            }}
          >
            Next page
          </button>
        </nav>
      )}
    </section>
  );
}
