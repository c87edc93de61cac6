import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery, print } from 'graphql';
import {
  ConnectorConfigsDocument,
  ConnectorTypesDocument,
  IntegrationsDocument,
} from '../../codegen/generated/graphql';
import { PLATFORM_TENANT } from '../../src/auth/principal';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { defaultManifestFile } from '../../src/environment';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

let enforcing: TestServer;
let open: TestServer;
let partner: Record<string, string>;
const manifest = JSON.parse(readFileSync(defaultManifestFile(), 'utf8')) as Record<string, string>;
const hashOf = (document: object) =>
  ((document as { __meta__?: { hash?: string } }).__meta__?.hash ?? '').replace('sha256:', '');

beforeAll(async () => {
  enforcing = await startTestServer({ PLUGBOARD_TRUSTED_DOCUMENTS: 'enforce', PLUGBOARD_INTROSPECTION: 'roles' });
  open = await startTestServer();
  partner = bearer((await enforcing.services.apiKeys.create(PLATFORM_TENANT, 'PARTNER', 'partner', 'test')).key);
});

afterAll(async () => {
  await Promise.all([enforcing.stop(), open.stop()]);
});

const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const OWN_DOCUMENT = '{ connectorConfigs(first: 1) { edges { node { id } } } }';

describe('trusted documents', () => {
  it('has a manifest whose every hash is the sha256 of its document, so hashes alone resolve', () => {
    expect(Object.keys(manifest).length).toBeGreaterThan(10);
    for (const [key, document] of Object.entries(manifest)) {
      expect(`sha256:${createHash('sha256').update(document).digest('hex')}`).toBe(key);
    }
  });

  it('runs a generated document sent by hash alone', async () => {
    const response = await post(
      enforcing,
      { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(ConnectorTypesDocument) } } },
      bearer(enforcing.adminKey),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { connectorTypes: unknown[] } }).data.connectorTypes.length).toBe(
      defaultCatalogue().connectors().length,
    );
  });

  it('takes the hash as Apollo clients send it (bare hex) or as the manifest keys it (sha256:<hex>)', async () => {
    for (const sha256Hash of [hashOf(IntegrationsDocument), `sha256:${hashOf(IntegrationsDocument)}`]) {
      const response = await post(
        enforcing,
        { extensions: { persistedQuery: { version: 1, sha256Hash } } },
        bearer(enforcing.adminKey),
      );
      expect({ sha256Hash, status: response.status }).toEqual({ sha256Hash, status: 200 });
      expect(
        ((await response.json()) as { data: { integrations: unknown[] } }).data.integrations.length,
      ).toBeGreaterThan(0);
    }
  });

  it('serves a persisted catalogue query over GET with Cache-Control and an ETag, and 304 on match', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(IntegrationsDocument) } });
    const url = `${enforcing.url}/graphql?operationName=Integrations&extensions=${encodeURIComponent(extensions)}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('max-age=300, public');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect((await fetch(url, { headers: { ...headers, 'if-none-match': etag } })).status).toBe(304);
  });

  it('runs a generated document sent as text, however it is printed', async () => {
    const result = await execute(enforcing.url, ConnectorConfigsDocument, { first: 5 }, bearer(enforcing.adminKey));
    expect(result.errors).toBeUndefined();
    const reformatted = print(ConnectorTypesDocument).replace(/\n\s*/g, ' ');
    expect((await post(enforcing, { query: reformatted })).status).toBe(200);
  });

  it('refuses a document of their own from UI sessions and anonymous callers, with a clear 400', async () => {
    for (const headers of [bearer(enforcing.adminKey), {}]) {
      const response = await post(enforcing, { query: OWN_DOCUMENT }, headers);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('UNTRUSTED_DOCUMENT');
      expect(body.errors[0].message).toContain('persisted-documents.json');
    }
  });

  it('lets partner and internal keys send their own documents, introspection included', async () => {
    expect((await post(enforcing, { query: '{ integrations { key } }' }, partner)).status).toBe(200);
    expect((await post(enforcing, { query: getIntrospectionQuery() }, partner)).status).toBe(200);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, and registers nothing sent with a hash', async () => {
    const query = '{ integrations { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    // Sent with its text it runs (partner), but it is not remembered for later hash-only calls.
    expect(
      (await post(enforcing, { query, extensions: { persistedQuery: { version: 1, sha256Hash } } }, partner)).status,
    ).toBe(200);
    const later = await post(enforcing, { extensions: { persistedQuery: { version: 1, sha256Hash } } }, partner);
    const body = (await later.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('is off by default: any caller may send their own documents', async () => {
    const response = await post(open, { query: OWN_DOCUMENT }, bearer(open.adminKey));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { connectorConfigs: { edges: [] } } });
  });
});
