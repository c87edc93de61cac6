import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { buildSchema, type GraphQLSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { cachePolicyPlugin } from '../../src/graphql/cache-policy.plugin';
import { buildPlugboardSchema } from '../../src/graphql/schema.builder';
import { operationCachePolicy } from '../../src/graphql/static-cache-policy';

/**
 * The cache policy worked out from the schema alone, against Apollo's own cache-control plugin
 * reckoning the same operations field by field as they execute: the same Cache-Control header,
 * or (only where the static walk sees more than execution does) a narrower one.
 */
const SDL = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query {
    catalogue: Catalogue @cacheControl(maxAge: 300, scope: PUBLIC)
    short: Catalogue @cacheControl(maxAge: 60)
    tenant: Tenant
    node: Node @cacheControl(maxAge: 100, scope: PUBLIC)
    version: String @cacheControl(maxAge: 30, scope: PUBLIC)
    plain: String
  }
  type Catalogue @cacheControl(inheritMaxAge: true) {
    name: String
    items: [Item!]!
    owner: Tenant
    secret: String @cacheControl(scope: PRIVATE)
    inherited: Catalogue @cacheControl(inheritMaxAge: true, scope: PRIVATE)
  }
  type Item @cacheControl(maxAge: 200, scope: PUBLIC) { id: ID! }
  type Tenant { id: ID! }
  interface Node { id: ID! }
  type A implements Node @cacheControl(inheritMaxAge: true) { id: ID! a: String }
  type B implements Node { id: ID! b: String @cacheControl(maxAge: 10) }
  type Mutation { touch: String }
`;

const catalogue = () => ({
  name: 'c',
  items: [{ id: '1' }],
  owner: { id: 't' },
  secret: 's',
  inherited: catalogue,
});
const rootValue = {
  catalogue,
  short: catalogue,
  tenant: { id: 't' },
  node: { __typename: 'A', id: 'a', a: 'a' },
  version: '1',
  plain: 'p',
  touch: 'ok',
};

async function headerFrom(server: ApolloServer, query: string): Promise<string | undefined> {
  const response = await server.executeOperation({ query });
  return response.http.headers.get('cache-control');
}

describe('the static cache policy', () => {
  let apollos: ApolloServer;
  let ours: ApolloServer;

  beforeAll(async () => {
    apollos = new ApolloServer({ schema: buildSchema(SDL), rootValue });
    const schema = buildSchema(SDL);
    ours = new ApolloServer({
      schema,
      rootValue,
      plugins: [cachePolicyPlugin(schema), ApolloServerPluginCacheControlDisabled()],
    });
    await Promise.all([apollos.start(), ours.start()]);
  });
  afterAll(() => Promise.all([apollos.stop(), ours.stop()]));

  it.each([
    ['a public root with an inheriting type', '{ catalogue { name } }', 'max-age=300, public'],
    ['a typed hint narrowing the age', '{ catalogue { name items { id } } }', 'max-age=200, public'],
    ['a field of another type without hints', '{ catalogue { owner { id } } }', 'no-store'],
    ['a PRIVATE scope on a scalar field', '{ catalogue { secret } }', 'max-age=300, private'],
    ['an inheriting field with a scope', '{ catalogue { inherited { name } } }', 'max-age=300, private'],
    ['a root without a scope', '{ short { name } }', 'max-age=60, public'],
    ['a scalar root with a hint', '{ version }', 'max-age=30, public'],
    ['a scalar root without one', '{ plain }', 'no-store'],
    ['tenant data', '{ tenant { id } }', 'no-store'],
    ['public and tenant data together', '{ catalogue { name } tenant { id } }', 'no-store'],
    ['the shortest of two public roots', '{ catalogue { name } version }', 'max-age=30, public'],
    [
      'fragments and __typename',
      'query { ...Q } fragment Q on Query { catalogue { __typename ...C } } fragment C on Catalogue { name }',
      'max-age=300, public',
    ],
    ['a mutation', 'mutation { touch }', 'no-store'],
    ['introspection', '{ __schema { queryType { name } } }', 'no-store'],
  ])('%s: as Apollo reckons it', async (_what, query, header) => {
    expect(await headerFrom(apollos, query)).toBe(header);
    expect(await headerFrom(ours, query)).toBe(header);
  });

  it('counts every concrete type of an abstract field, so it is never wider than what executes', async () => {
    // Apollo sees only the A that resolved; had a B come instead, its field's ten seconds would hold.
    const query = '{ node { id ... on B { b } } }';
    expect(await headerFrom(apollos, query)).toBe('max-age=100, public');
    expect(await headerFrom(ours, query)).toBe('max-age=10, public');
  });

  it('walks a selection set spread many times over once per type', () => {
    const spreads = Array.from(
      { length: 30 },
      (_, index) => `fragment F${index} on Catalogue { ...F${index + 1} ...F${index + 1} name }`,
    );
    const document = parse(`{ catalogue { ...F0 } } ${spreads.join(' ')} fragment F30 on Catalogue { secret }`);
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const started = performance.now();
    expect(operationCachePolicy(buildSchema(SDL), document, operation)).toEqual({ maxAge: 300, scope: 'PRIVATE' });
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("Plugboard's operations", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    ({ schema } = await buildPlugboardSchema(defaultCatalogue()));
  });

  it('only catalogue operations are cacheable, PUBLIC for five minutes; everything of a tenant is not', () => {
    const manifest = join(__dirname, '../../codegen/generated/persisted-documents.json');
    const cacheable: string[] = [];
    for (const text of Object.values(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>)) {
      const document = parse(text);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const policy = operationCachePolicy(schema, document, definition);
        if (policy.maxAge) {
          expect(policy).toEqual({ maxAge: 300, scope: 'PUBLIC' });
          cacheable.push(definition.name?.value ?? '');
        }
      }
    }
    expect(cacheable.sort()).toEqual(['ConnectorType', 'ConnectorTypes', 'Integrations']);
  });
});
