import { type GraphQLInputObjectType, type GraphQLUnionType, parse } from 'graphql';
import { Catalogue } from '../../src/catalogue/catalogue';
import { connectorDefinitionOf } from '../../src/connector-kit/connector.decorator';
import { CONNECTORS } from '../../src/connectors';
import { buildPlugboardSchema } from '../../src/graphql/schema.builder';
import { INTEGRATIONS } from '../../src/integrations';
import { execute } from '../support/graphql-client';
import { SampleSettings } from '../support/sample-connector';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A connector added to the catalogue at startup (the way the browser suite adds one) is a
 * member of everything that lists connectors: the settings union, the typed-settings input, and
 * the logger's locked names. Nothing else is edited.
 */
const CANARY = 'Added-Connector-Canary-5531';
const sample = connectorDefinitionOf(SampleSettings);
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({}, { catalogue: new Catalogue([...CONNECTORS, sample], INTEGRATIONS) });
  admin = { authorization: `Bearer ${server.adminKey}` };
});

afterAll(async () => {
  await server.stop();
});

it('lists the added connector in the settings union and the typed-settings input', async () => {
  const { schema } = await buildPlugboardSchema(new Catalogue([...CONNECTORS, sample], INTEGRATIONS));
  const union = schema.getType('ConnectorSettings') as GraphQLUnionType;
  const input = schema.getType('ConnectorSettingsInput') as GraphQLInputObjectType;
  expect(union.getTypes().map((type) => type.name)).toContain('SampleSettings');
  expect(Object.keys(input.getFields())).toContain('sample');
  expect(Object.keys(input.getFields())).toHaveLength(CONNECTORS.length + 1);
  // Built again from the shipped catalogue, the schema has no trace of it.
  const { schema: shipped } = await buildPlugboardSchema(new Catalogue(CONNECTORS, INTEGRATIONS));
  expect(Object.keys((shipped.getType('ConnectorSettingsInput') as GraphQLInputObjectType).getFields())).toHaveLength(
    CONNECTORS.length,
  );
  expect(shipped.getType('SampleSettingsInput')).toBeUndefined();
});

it('saves it from typed settings and reads it back typed, its locked field as a SecretState only', async () => {
  const { data, errors } = await execute<
    {
      createConnectorConfig: {
        errors: { code: string }[];
        config: { settings: { __typename: string; endpoint: string; secret: { isSet: boolean } } } | null;
      };
    },
    never
  >(
    server.url,
    parse(`mutation {
      createConnectorConfig(input: {
        name: "added", settings: { sample: { endpoint: "https://example.com", authMethod: "SECRET", secret: "${CANARY}" } }
      }) {
        errors { code }
        config { settings { __typename ... on SampleSettings { endpoint secret { isSet } } } }
      }
    }`),
    undefined,
    admin,
  );
  expect(errors).toBeUndefined();
  expect(data?.createConnectorConfig.errors).toEqual([]);
  expect(data?.createConnectorConfig.config?.settings).toEqual({
    __typename: 'SampleSettings',
    endpoint: 'https://example.com',
    secret: { isSet: true },
  });
  expect(server.logs()).not.toContain(CANARY);
});
