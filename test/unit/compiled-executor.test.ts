import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import * as jit from 'graphql-jit';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { compiledExecution } from '../../src/graphql/compiled-executor';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});

/**
 * The compiled executor behind Apollo: when it compiles, that literals stay data in the code it
 * generates, and that errors reach Apollo as graphql-js errors with their codes. The whole
 * suite runs on it too (PLUGBOARD_GRAPHQL_COMPILE_AFTER=0 in test/support/global-setup.js).
 */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: GraphQLString,
        args: { text: { type: GraphQLString } },
        resolve: (_root, { text }) => text,
      },
      moment: {
        type: GraphQLDateTimeISO,
        args: { as: { type: GraphQLString } },
        resolve: (_root, { as }) =>
          ({
            canonical: '2026-12-03T07:21:10.123Z',
            date: new Date('2026-12-03T07:21:10.123Z'),
            short: '2026-12-03T08:21:10+01:00',
            nonsense: 'the third of December',
          })[as as string],
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('Not for you.', { extensions: { code: 'FORBIDDEN' } });
        },
      },
    },
  }),
});

async function serverCompilingAfter(executions: number): Promise<ApolloServer> {
  const server = new ApolloServer({ gateway: compiledExecution(schema, executions) });
  await server.start();
  return server;
}

const single = (response: Awaited<ReturnType<ApolloServer['executeOperation']>>) => {
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
};

beforeEach(() => jest.mocked(jit.compileQuery).mockClear());

it('is what the whole suite runs on: every test server compiles at once', () => {
  expect(process.env.PLUGBOARD_GRAPHQL_COMPILE_AFTER).toBe('0');
});

it('compiles a document after it has run the given number of times, once', async () => {
  const server = await serverCompilingAfter(2);
  const query = '{ echo(text: "a") }';
  const answers = [];
  for (let run = 0; run < 4; run += 1) {
    answers.push(single(await server.executeOperation({ query })).data);
    expect(jest.mocked(jit.compileQuery)).toHaveBeenCalledTimes(run < 2 ? 0 : 1);
  }
  expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(new Set(['{"echo":"a"}']));
  await server.stop();
});

it.each([
  ['quotes and a statement', '"); throw new Error("injected"); ("'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the hostile input
  ['a template literal', '`${process.exit(1)}`'],
  ['a line break and a comment', '\\n*/ return 1; /*'],
  ['unicode escapes', '\\u0022\\u0029'],
])('keeps a literal with %s as data in the compiled code', async (_what, literal) => {
  const server = await serverCompilingAfter(0);
  const query = `{ echo(text: "${literal.replaceAll('"', '\\"')}") }`;
  const expected = JSON.parse(`"${literal.replaceAll('"', '\\"')}"`);
  const answer = single(await server.executeOperation({ query }));
  expect(jest.mocked(jit.compileQuery)).toHaveBeenCalledTimes(1);
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({ echo: expected });
  await server.stop();
});

it("hands Apollo graphql-js errors with the resolver's code, path and locations", async () => {
  const server = await serverCompilingAfter(0);
  const answer = single(await server.executeOperation({ query: '{ refused echo(text: "b") }' }));
  expect(answer.data).toEqual({ refused: null, echo: 'b' });
  expect(answer.errors).toEqual([
    {
      message: 'Not for you.',
      path: ['refused'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'FORBIDDEN' },
    },
  ]);
  await server.stop();
});

it('serves stored timestamps as they are, and anything else as graphql-js does', async () => {
  const [compiled, interpreted] = [await serverCompilingAfter(0), await serverCompilingAfter(1_000)];
  const query = '{ a: moment(as: "canonical") b: moment(as: "date") c: moment(as: "short") d: moment(as: "nonsense") }';
  const [fromCompiled, fromGraphqlJs] = [
    single(await compiled.executeOperation({ query })),
    single(await interpreted.executeOperation({ query })),
  ];
  expect(fromCompiled.data).toEqual({
    a: '2026-12-03T07:21:10.123Z',
    b: '2026-12-03T07:21:10.123Z',
    c: '2026-12-03T07:21:10.000Z',
    d: null,
  });
  expect(fromCompiled.data).toEqual(fromGraphqlJs.data);
  expect(fromCompiled.errors?.map((error) => error.path)).toEqual([['d']]);
  expect(fromGraphqlJs.errors?.map((error) => error.path)).toEqual([['d']]);
  await Promise.all([compiled.stop(), interpreted.stop()]);
});

it('leaves variables to graphql-js, with its messages', async () => {
  const server = await serverCompilingAfter(0);
  const answer = await server.executeOperation({
    query: 'query Q($text: String) { echo(text: $text) }',
    variables: { text: { not: 'a string' } },
  });
  expect(answer.http.status).toBe(400);
  expect(single(answer).errors?.[0]).toMatchObject({
    message: expect.stringMatching(/^Variable "\$text" got invalid value/),
    extensions: { code: 'BAD_USER_INPUT' },
  });
  await server.stop();
});
