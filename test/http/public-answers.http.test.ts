import { print } from 'graphql';
import {
  ConnectorConfigsDocument,
  ConnectorTypesDocument,
  CreateConnectorConfigDocument,
  RegisterRelayDocument,
} from '../../codegen/generated/graphql';
import { PLATFORM_TENANT } from '../../src/auth/principal';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/**
 * The catalogue served as bytes in front of the GraphQL pipeline: the same bytes as the
 * pipeline's, 304 before anything is built, the same authentication, rate limit and
 * trusted-document rules, and never anything of a tenant's.
 */
let server: TestServer;
let enforcing: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  [server, enforcing] = await Promise.all([
    startTestServer({ PLUGBOARD_RATE_LIMIT_PER_MINUTE: '1000' }),
    startTestServer({ PLUGBOARD_TRUSTED_DOCUMENTS: 'enforce' }),
  ]);
  admin = bearer(server.adminKey);
});

afterAll(async () => {
  await Promise.all([server.stop(), enforcing.stop()]);
});

const CATALOGUE = print(ConnectorTypesDocument);
const hashOf = (document: object) =>
  ((document as { __meta__?: { hash?: string } }).__meta__?.hash ?? '').replace('sha256:', '');

const post = (target: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** How many answers the cache has served, from the server's own metrics. */
async function served(target: TestServer): Promise<number> {
  const text = await (await fetch(`${target.url}/metrics`)).text();
  return [...text.matchAll(/^plugboard_public_answers_served_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

describe('catalogue answers served as bytes', () => {
  it('serves the second catalogue answer from the cache, byte for byte the pipeline’s', async () => {
    const first = await post(server, { query: CATALOGUE, operationName: 'ConnectorTypes' });
    const firstBytes = await first.text();
    const before = await served(server);
    const second = await post(server, { query: CATALOGUE, operationName: 'ConnectorTypes' });
    expect(await second.text()).toBe(firstBytes);
    expect(await served(server)).toBe(before + 1);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(second.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers a GET by hash with the same ETag every time, and 304 from the cache', async () => {
    const url = `${server.url}/graphql?operationName=ConnectorTypes&extensions=${encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(ConnectorTypesDocument) } }),
    )}`;
    const first = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(again.headers.get('etag')).toBe(etag);
    const before = await served(server);
    const notModified = await fetch(url, { headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(await served(server)).toBe(before + 1);
  });

  it('never keeps an answer with tenant data: lists stay fresh, and a mixed document is not cached', async () => {
    const list = async () =>
      (await execute(server.url, ConnectorConfigsDocument, { first: 5 }, admin)).data?.connectorConfigs.edges.length;
    const before = await served(server);
    const empty = await list();
    await execute(
      server.url,
      CreateConnectorConfigDocument,
      { input: { connectorType: 'rest-api', name: 'fresh', values: { baseUrl: 'https://api.example.com' } } },
      admin,
    );
    expect(await list()).toBe((empty ?? 0) + 1);
    const mixed = '{ integrations { key } relays { name } }';
    await post(server, { query: mixed }, admin);
    await execute(server.url, RegisterRelayDocument, { input: { name: 'new-relay' } }, admin);
    const after = (await (await post(server, { query: mixed }, admin)).json()) as {
      data: { relays: { name: string }[] };
    };
    expect(after.data.relays.map((relay) => relay.name)).toContain('new-relay');
    expect(await served(server)).toBe(before);
  });

  it('keeps one tenant’s data from another even for the same document', async () => {
    const other = bearer((await server.services.apiKeys.create('other-tenant', 'ADMIN', 'other', 'test')).key);
    const mixed = '{ integrations { key } relays { name } }';
    await execute(server.url, RegisterRelayDocument, { input: { name: 'only-default' } }, admin);
    await post(server, { query: mixed }, admin);
    const theirs = (await (await post(server, { query: mixed }, other)).json()) as { data: { relays: unknown[] } };
    expect(theirs.data.relays).toEqual([]);
  });

  it('still authenticates and rate limits a request the cache could answer', async () => {
    await post(server, { query: CATALOGUE }, admin);
    const refused = await post(server, { query: CATALOGUE }, bearer(`pbk_default.0000000000000000.${'A'.repeat(43)}`));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const limited = await startTestServer({ PLUGBOARD_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let request = 0; request < 5; request += 1)
        statuses.push((await post(limited, { query: CATALOGUE })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(await served(limited)).toBe(2);
    } finally {
      await limited.stop();
    }
  });

  it('keeps answers per class of caller: a partner’s own document is not served to a UI session', async () => {
    const partner = bearer((await enforcing.services.apiKeys.create(PLATFORM_TENANT, 'PARTNER', 'p', 'test')).key);
    const own = '{ integrations { key name } }';
    expect((await post(enforcing, { query: own }, partner)).status).toBe(200);
    expect((await post(enforcing, { query: own }, partner)).status).toBe(200);
    expect(await served(enforcing)).toBe(1);
    const ui = await post(enforcing, { query: own }, bearer(enforcing.adminKey));
    expect(ui.status).toBe(400);
    expect(((await ui.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'UNTRUSTED_DOCUMENT',
    );
  });

  it('knows a repeated GET by its address, for its class of caller only, still authenticating it', async () => {
    const partner = bearer((await enforcing.services.apiKeys.create(PLATFORM_TENANT, 'PARTNER', 'p2', 'test')).key);
    const url = `${enforcing.url}/graphql?query=${encodeURIComponent('{ integrations { key } }')}`;
    const get = (headers: Record<string, string>) =>
      fetch(url, { headers: { 'apollo-require-preflight': 'true', ...headers } });
    const before = await served(enforcing);
    for (let request = 0; request < 3; request += 1) expect((await get(partner)).status).toBe(200);
    expect(await served(enforcing)).toBe(before + 2);
    // The same address from a UI session is that class's own request: the document is refused.
    const ui = await get(bearer(enforcing.adminKey));
    expect(ui.status).toBe(400);
    expect(((await ui.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'UNTRUSTED_DOCUMENT',
    );
    expect((await get(bearer(`pbk_default.0000000000000000.${'A'.repeat(43)}`))).status).toBe(401);
    expect(await served(enforcing)).toBe(before + 2);
  });

  it('falls through to the pipeline for what it cannot key, so errors keep their shape', async () => {
    const mismatch = await post(server, {
      query: CATALOGUE,
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(mismatch.status).toBe(400);
    const badVariables = await fetch(`${server.url}/graphql?query=${encodeURIComponent(CATALOGUE)}&variables={oops`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(badVariables.status).toBe(400);
  });
});
