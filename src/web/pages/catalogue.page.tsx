import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  ConnectorTypesDocument,
  type ConnectorTypesQuery,
  IntegrationsDocument,
  type IntegrationsQuery,
} from '../../../codegen/generated-web/graphql';
import { run } from '../api/graphql-client';
import { categoryLabel } from '../components/category-label';
import { ConfigList } from '../components/config-list';
import { usePageTitle } from '../components/page-title';

type ConnectorSummary = ConnectorTypesQuery['connectorTypes'][number];

const matches = (connector: ConnectorSummary, query: string) =>
  [connector.name, connector.description, categoryLabel(connector.category), connector.category, connector.key].some(
    (text) => text.toLowerCase().includes(query),
  );

/** Connectors by category, with search and an integration to configure for; then saved configs. */
export function CataloguePage() {
  usePageTitle('Connectors');
  const [connectors, setConnectors] = useState<ConnectorSummary[] | null>(null);
  const [integrations, setIntegrations] = useState<IntegrationsQuery['integrations']>([]);
  const [integration, setIntegration] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([run(ConnectorTypesDocument, {}), run(IntegrationsDocument, {})])
      .then(([types, integrationList]) => {
        setConnectors(types.connectorTypes);
        setIntegrations(integrationList.integrations);
      })
      .catch((failure: Error) => setError(failure.message));
  }, []);

  const byCategory = useMemo(() => {
    const chosen = integrations.find((candidate) => candidate.key === integration);
    const allowed = chosen ? new Set(chosen.connectorTypes.map((c) => c.key)) : null;
    const needle = query.trim().toLowerCase();
    const groups = new Map<string, ConnectorSummary[]>();
    for (const connector of connectors ?? []) {
      if (allowed && !allowed.has(connector.key)) continue;
      if (needle && !matches(connector, needle)) continue;
      groups.set(connector.category, [...(groups.get(connector.category) ?? []), connector]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [connectors, integrations, integration, query]);

  const formLink = (key: string) =>
    `#/new/${encodeURIComponent(key)}${integration ? `/${encodeURIComponent(integration)}` : ''}`;

  return (
    <main class="page">
      <h1>Connectors</h1>
      <ConfigList connectors={connectors ?? []} />
      <h2 class="catalogue-title">Configure a connector</h2>
      {error ? (
        <p class="load-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="catalogue-filters">
        <div class="field">
          <label for="integration-picker">Integration</label>
          <select id="integration-picker" value={integration} onChange={(e) => setIntegration(e.currentTarget.value)}>
            <option value="">None (the standard form of each connector)</option>
            {integrations.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {candidate.name}
              </option>
            ))}
          </select>
          {integration ? (
            <p class="help">{integrations.find((candidate) => candidate.key === integration)?.description}</p>
          ) : null}
        </div>
        <div class="field">
          <label for="connector-search">Search connectors</label>
          <input
            id="connector-search"
            type="search"
            placeholder="Name, category or description"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      </div>
      {connectors === null && !error ? <p aria-busy="true">Loading the catalogue…</p> : null}
      <p class="visually-hidden" role="status" aria-live="polite">
        {connectors ? `${byCategory.reduce((n, [, list]) => n + list.length, 0)} connectors shown` : ''}
      </p>
      {connectors && byCategory.length === 0 ? <p>No connector matches “{query}”.</p> : null}
      <div class="categories">
        {byCategory.map(([category, list]) => (
          <section key={category} class="category" data-category={category} aria-labelledby={`category-${category}`}>
            <h3 id={`category-${category}`}>{categoryLabel(category)}</h3>
            <ul class="connector-grid">
              {list.map((connector) => (
                <li key={connector.key} class="connector-card" data-connector={connector.key}>
                  <h4>{connector.name}</h4>
                  <p>{connector.description}</p>
                  <a class="button" href={formLink(connector.key)}>
                    Configure<span class="visually-hidden"> {connector.name}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}
