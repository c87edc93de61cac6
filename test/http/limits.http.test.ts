import { getIntrospectionQuery } from 'graphql';
import { ConnectorConfigsDocument, ConnectorTypesDocument } from '../../codegen/generated/graphql';
import { PLATFORM_TENANT } from '../../src/auth/principal';
import { execute } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let internal: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ PLUGBOARD_RATE_LIMIT_PER_MINUTE: '10000' });
  internal = {
    authorization: `Bearer ${(await server.services.apiKeys.create(PLATFORM_TENANT, 'INTERNAL', 'tools', 'test')).key}`,
  };
});

afterAll(async () => {
  await server.stop();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const messageOf = async (response: Response) =>
  ((await response.json()) as { errors: { message: string }[] }).errors[0].message;

describe('limits on hostile requests', () => {
  it('serves the heaviest real documents, the standard introspection query included', async () => {
    expect((await execute(server.url, ConnectorTypesDocument, {})).status).toBe(200);
    expect((await post(JSON.stringify({ query: getIntrospectionQuery() }), internal)).status).toBe(200);
  });

  it('refuses an introspection query nested past the depth limit', async () => {
    const bomb = `{ __schema { types { fields { type ${'{ ofType '.repeat(25)}{ name }${' }'.repeat(25)} } } } }`;
    const response = await post(JSON.stringify({ query: bomb }), internal);
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toContain('depth limit');
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, index) => `a${index}: integrations { key }`).join(' ');
    const response = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toContain('Aliases limit');
  });

  it('refuses a document that would walk too many fields, fragments spread over and over', async () => {
    // Each fragment spreads the next three times: a few hundred tokens, millions of fields.
    const fragments = Array.from(
      { length: 14 },
      (_, index) =>
        `fragment F${index} on Query { ${index === 13 ? 'integrations { key }' : `...F${index + 1} `.repeat(3)} }`,
    ).join(' ');
    const response = await post(JSON.stringify({ query: `{ ...F0 } ${fragments}` }));
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(/This document could return too much|depth limit/);
  });

  it('applies one cost limit, with the same answer whether the page size is a literal or a variable', async () => {
    const node = 'id name values version lockedFields { field isSet }';
    const pages = (first: string) =>
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map(
        (alias) => `${alias}: connectorConfigs(first: ${first}) { edges { node { ${node} } } }`,
      );
    const headers = { authorization: `Bearer ${server.adminKey}` };
    const literal = await post(JSON.stringify({ query: `{ ${pages('100').join(' ')} }` }), headers);
    const variable = await post(
      JSON.stringify({ query: `query P($n: Int) { ${pages('$n').join(' ')} }`, variables: { n: 100 } }),
      headers,
    );
    const answers = await Promise.all(
      [literal, variable].map(async (response) => ({
        status: response.status,
        body: (await response.json()) as { errors: { extensions: Record<string, unknown> }[] },
      })),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 8000 });
    }
    expect(answers[0].body.errors[0].extensions.cost).toBe(answers[1].body.errors[0].extensions.cost);
  });

  it('costs paged lists by their page size, which only the variables tell', async () => {
    const node =
      'id name values version connectorVersion createdAt createdBy updatedAt updatedBy lockedFields { field isSet }';
    const pages = ['a', 'b', 'c', 'd', 'e', 'f'].map(
      (alias) => `${alias}: connectorConfigs(first: $first) { edges { node { ${node} } } }`,
    );
    const query = `query Pages($first: Int) { ${pages.join(' ')} }`;
    const headers = { authorization: `Bearer ${server.adminKey}` };
    expect((await post(JSON.stringify({ query, variables: { first: 10 } }), headers)).status).toBe(200);
    const response = await post(JSON.stringify({ query, variables: { first: 100 } }), headers);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 8000 });
    expect(body.errors[0].message).toContain('Ask for smaller pages');
    // A UI's heaviest real document, at the largest page, fits.
    expect((await execute(server.url, ConnectorConfigsDocument, { first: 100 }, headers)).errors).toBeUndefined();
  });

  it('refuses a huge document at parse time, with a 400', async () => {
    const response = await post(JSON.stringify({ query: `{ ${'__typename '.repeat(3000)}}` }));
    expect(response.status).toBe(400);
    // graphql-js spells it "more that".
    expect(await messageOf(response)).toMatch(/more th[ae]t? 2000 tokens/);
  });

  it('refuses a huge body with a 413', async () => {
    const response = await post(
      JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(response.status).toBe(413);
  });

  it('refuses batched requests', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
  });

  it('stays up after all of them', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers 429 with Retry-After past the per-caller rate limit', async () => {
    const limited = await startTestServer({ PLUGBOARD_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last = new Response();
      for (let index = 0; index < 4; index += 1) {
        last = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await last.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'RATE_LIMITED',
      );
    } finally {
      await limited.stop();
    }
  });
});
