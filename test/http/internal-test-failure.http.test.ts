import { parse } from 'graphql';
import { Catalogue } from '../../src/catalogue/catalogue';
import {
  Connector,
  FormField,
  FormFieldType,
  FormSectionKind,
  type TestContext,
  TestStepKind,
} from '../../src/connector-kit';
import { connectorDefinitionOf } from '../../src/connector-kit/connector.decorator';
import { CONNECTORS } from '../../src/connectors';
import { INTEGRATIONS } from '../../src/integrations';
import { execute } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';

const CANARY = 'Internal-Failure-Canary-2290';

/** A connector with a bug: its test throws something that is not a TestFailure. */
@Connector({
  key: 'buggy',
  name: 'Buggy',
  description: 'A connector whose test has a bug.',
  category: 'http',
  version: 1,
  connectionTest: {
    steps: [TestStepKind.AUTHENTICATE],
    timeoutMs: 5000,
    run: async (context: TestContext) => {
      throw new TypeError(`cannot read the answer for ${context.text('token')}`);
    },
  },
})
class BuggySettings {
  @FormField({
    label: 'Token',
    section: FormSectionKind.GENERAL,
    type: FormFieldType.SECRET,
    order: 10,
    required: true,
  })
  token?: string;
}

let server: TestServer;

beforeAll(async () => {
  const catalogue = new Catalogue([...CONNECTORS, connectorDefinitionOf(BuggySettings)], INTEGRATIONS);
  server = await startTestServer({}, { catalogue });
});

afterAll(async () => {
  await server.stop();
});

it('answers INTERNAL with the request id, and logs the cause, scrubbed, under that id', async () => {
  const { data } = await execute<
    { testConnection: { errors: { code: string; message: string; requestId: string | null }[] } },
    never
  >(
    server.url,
    parse(`mutation { testConnection(input: { connectorType: "buggy", values: { token: "${CANARY}" } }) {
      errors { code message requestId } } }`),
    undefined,
    { authorization: `Bearer ${server.adminKey}` },
  );
  const [error] = data?.testConnection.errors ?? [];
  expect(error).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
  expect(error.message).toContain(error.requestId);
  const line = server
    .logs()
    .split('\n')
    .find((candidate) => candidate.includes('connection test failed unexpectedly'));
  expect(line).toBeDefined();
  expect(JSON.parse(line as string)).toMatchObject({
    level: 50,
    requestId: error.requestId,
    cause: { name: 'TypeError', message: 'cannot read the answer for [redacted]' },
  });
  expect(server.logs()).not.toContain(CANARY);
});
