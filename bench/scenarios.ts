import { print } from 'graphql';
import {
  ConnectorConfigsDocument,
  ConnectorTypeDocument,
  ConnectorTypesDocument,
  CreateConnectorConfigDocument,
} from '../codegen/generated/graphql';

export interface Target {
  url: string;
  headers: Record<string, string>;
}

/** One thing a client does, repeated under load. */
export interface Scenario {
  name: string;
  /** Runs once before measuring, such as seeding data. */
  prepare?: (target: Target) => Promise<void>;
  /** The JSON body of the GraphQL request, as a UI would send it. */
  body: string;
  /** Whether the request needs the admin key. */
  authenticated: boolean;
  /**
   * Sent as a GET to this path instead (a persisted query by hash, as UIs and HTTP caches do);
   * `conditional` sends the ETag of the first answer, so every answer is a 304.
   */
  get?: { path: string; conditional?: boolean };
  /**
   * Measured against a hand-written server doing the same work (bench/handwritten.server.ts)
   * instead of a bare server returning the same bytes.
   */
  handwritten?: 'list' | 'save';
}

/** A persisted catalogue query by its hash alone, as a GET. */
const byHash = (document: object, operationName: string) => {
  const sha256Hash = ((document as { __meta__?: { hash?: string } }).__meta__?.hash ?? '').replace('sha256:', '');
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
  return `/graphql?operationName=${operationName}&extensions=${extensions}`;
};

const request = (document: Parameters<typeof print>[0], operationName: string, variables?: object) =>
  JSON.stringify({ query: print(document), operationName, variables });

const POSTGRES_VALUES = { host: 'db.example.com', database: 'analytics', username: 'svc', password: 'bench-secret' };

async function post(target: Target, body: string): Promise<unknown> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
  });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors) throw new Error(`bench request failed: ${JSON.stringify(json).slice(0, 400)}`);
  return json;
}

const LISTED_CONFIGS = 100;
const seeded = new Set<string>();

/** Saves the configs the list scenarios read, once per server, whichever of them runs first. */
async function seedListedConfigs(target: Target): Promise<void> {
  if (seeded.has(target.url)) return;
  seeded.add(target.url);
  for (let index = 0; index < LISTED_CONFIGS; index += 1) {
    await post(
      target,
      request(CreateConnectorConfigDocument, 'CreateConnectorConfig', {
        input: { name: `Warehouse ${index}`, connectorType: 'postgresql', values: POSTGRES_VALUES },
      }),
    );
  }
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'catalogue query (ConnectorTypes: every connector and field)',
    body: request(ConnectorTypesDocument, 'ConnectorTypes'),
    authenticated: false,
  },
  {
    name: 'catalogue GET by hash (ConnectorTypes)',
    body: request(ConnectorTypesDocument, 'ConnectorTypes'),
    authenticated: false,
    get: { path: byHash(ConnectorTypesDocument, 'ConnectorTypes') },
  },
  {
    name: 'catalogue GET by hash with If-None-Match (304 against a bare 304)',
    body: request(ConnectorTypesDocument, 'ConnectorTypes'),
    authenticated: false,
    get: { path: byHash(ConnectorTypesDocument, 'ConnectorTypes'), conditional: true },
  },
  {
    name: 'one form (ConnectorType: postgresql as file-export shows it)',
    body: request(ConnectorTypeDocument, 'ConnectorType', { key: 'postgresql', integration: 'file-export' }),
    authenticated: false,
  },
  {
    name: 'list 50 saved configs with their connector type and relay',
    prepare: seedListedConfigs,
    body: request(ConnectorConfigsDocument, 'ConnectorConfigs', { first: 50 }),
    authenticated: true,
  },
  {
    name: 'list first 50 (against a hand-written node:http + better-sqlite3 server)',
    body: request(ConnectorConfigsDocument, 'ConnectorConfigs', { first: 50 }),
    authenticated: true,
    handwritten: 'list',
    prepare: seedListedConfigs,
  },
  {
    name: 'list first 100 (against a hand-written node:http + better-sqlite3 server)',
    body: request(ConnectorConfigsDocument, 'ConnectorConfigs', { first: 100 }),
    authenticated: true,
    handwritten: 'list',
    prepare: seedListedConfigs,
  },
  {
    name: 'save a new config (validate, encrypt the password, store, audit)',
    body: request(CreateConnectorConfigDocument, 'CreateConnectorConfig', {
      input: { name: 'Bench save', connectorType: 'postgresql', values: POSTGRES_VALUES },
    }),
    authenticated: true,
  },
];

SCENARIOS.push({
  name: 'save (against a hand-written node:http + better-sqlite3 + AES-256-GCM server)',
  body: request(CreateConnectorConfigDocument, 'CreateConnectorConfig', {
    input: { name: 'Bench save', connectorType: 'postgresql', values: POSTGRES_VALUES },
  }),
  authenticated: true,
  handwritten: 'save',
});

export { post };
