import { buildSchema } from 'graphql';
import { withSynchronousTypeResolvers } from '../../src/graphql/schema.builder';

describe('withSynchronousTypeResolvers', () => {
  it('puts the plain resolvers on Node and ConnectorSettings', () => {
    const schema = withSynchronousTypeResolvers(
      buildSchema(`
        interface Node { id: ID! }
        type A implements Node { id: ID! }
        type B { id: ID! }
        union ConnectorSettings = A | B
        type Query { node: Node settings: ConnectorSettings }
      `),
    );
    const node = schema.getType('Node') as { resolveType?: (value: object) => unknown };
    expect(node.resolveType?.({ connectorKey: 'ldap' })).toBe('ConnectorConfig');
    expect(node.resolveType?.({ token: 'x' })).toBe('Relay');
    const settings = schema.getType('ConnectorSettings') as { resolveType?: (value: object) => unknown };
    expect(settings.resolveType?.({ __typename: 'LdapSettings' })).toBe('LdapSettings');
  });

  it('refuses to build a schema with an interface or union it has no plain resolver for', () => {
    const withNewUnion = buildSchema(`
      type A { id: ID! }
      type B { id: ID! }
      union Anything = A | B
      type Query { anything: Anything }
    `);
    expect(() => withSynchronousTypeResolvers(withNewUnion)).toThrow(
      'The Anything union needs a synchronous resolveType in SYNCHRONOUS_TYPE_RESOLVERS (schema.builder.ts).',
    );
  });
});
