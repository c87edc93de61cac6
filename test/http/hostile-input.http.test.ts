import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Requests a hostile or careless caller sends: every answer is a coded GraphQL-over-HTTP error
 * (never a 5xx), and no message quotes back a value the caller submitted.
 */
const CANARY = 'Hostile-Canary-Secret-7781';
const CREATE = `mutation Create($input: CreateConnectorConfigInput!) {
  createConnectorConfig(input: $input) { errors { code field message } config { id } }
}`;
const TEST = `mutation Test($input: TestConnectionInput!) {
  testConnection(input: $input) { ok errors { code field message } }
}`;
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = { authorization: `Bearer ${server.adminKey}` };
});

afterAll(async () => {
  await server.stop();
});

async function post(body: unknown, headers: Record<string, string> = admin) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('variable coercion errors quote no submitted value', () => {
  const restApi = (extra: Record<string, unknown>) => ({
    restApi: { baseUrl: 'https://example.com', authMethod: 'BEARER', bearerToken: CANARY, ...extra },
  });
  it.each<[string, string, Record<string, unknown>]>([
    ['typed settings with an unknown field', CREATE, { name: 'x', settings: restApi({ nope: 1 }) }],
    ['a locked field given as a list', CREATE, { name: 'x', settings: restApi({ bearerToken: [CANARY] }) }],
    [
      'two members of the @oneOf input',
      CREATE,
      { name: 'x', settings: { ...restApi({}), okta: { apiToken: CANARY } } },
    ],
    ['settings given as a string', CREATE, { name: 'x', settings: `{"restApi":{"bearerToken":"${CANARY}"}}` }],
    ['name missing beside a values map', CREATE, { connectorType: 'rest-api', values: { bearerToken: CANARY } }],
    ['a locked field given as a number inside values of a test', TEST, { connectorType: 'rest-api', values: CANARY }],
  ])('%s', async (_name, query, input) => {
    const answer = await post({ query, variables: { input } });
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.json.errors?.[0].message).toMatch(/^Variable "\$input" got an invalid value/);
    expect(answer.text).not.toContain(CANARY);
    expect(server.logs()).not.toContain(CANARY);
  });

  it('a choice given a secret is a field error that does not quote it either', async () => {
    const answer = await post({
      query: CREATE,
      variables: { input: { name: 'x', settings: restApi({ authMethod: CANARY }) } },
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('authMethod');
    expect(answer.text).not.toContain(CANARY);
  });

  it('still says where and why', async () => {
    const answer = await post({ query: CREATE, variables: { input: { name: 'x', settings: restApi({ nope: 1 }) } } });
    expect(answer.json.errors?.[0].message).toBe(
      'Variable "$input" got an invalid value at "input.settings.restApi"; Field "nope" is not defined by type "RestApiSettingsInput".',
    );
  });

  it('quotes no literal of the document either', async () => {
    const answer = await post({
      query: `mutation { createConnectorConfig(input: { name: ["${CANARY}"], connectorType: "rest-api" }) { errors { code } } }`,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain(CANARY);
  });
});

describe('malformed requests get a coded 400, never a 5xx', () => {
  it.each<[string, unknown]>([
    ['an operationName that names no operation', { query: 'query A { __typename }', operationName: 'B' }],
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }],
    [
      'introspection under a missing operation name',
      { query: 'query A { __schema { types { name } } }', operationName: 'B' },
    ],
  ])('%s', async (_name, body) => {
    for (const headers of [admin, {}]) {
      const answer = await post(body, headers);
      expect(answer.status).toBe(400);
      expect(answer.json.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  });

  it.each([5_000, 100_000])('variables nested %i levels deep, even unused and anonymous', async (depth) => {
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = `{"query":"query { __typename }","variables":{"unused":${deep}}}`;
    const answer = await post(body, {});
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0].extensions?.code).toBe('INPUT_TOO_DEEP');
    const get = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{"v":${'['.repeat(40)}${']'.repeat(40)}}`)}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(400);
  });

  it('lists at most 50 problems, the last saying how many more', async () => {
    const values = Object.fromEntries(Array.from({ length: 40_000 }, (_, index) => [`unknown${index}`, 1]));
    const answer = await post({
      query: CREATE,
      variables: { input: { name: 'x', connectorType: 'rest-api', values } },
    });
    const errors = (answer.json as { data: { createConnectorConfig: { errors: { code: string; message: string }[] } } })
      .data.createConnectorConfig.errors;
    expect(errors).toHaveLength(50);
    expect(errors.at(-1)).toMatchObject({
      code: 'TOO_MANY_ERRORS',
      message: expect.stringMatching(/^\d+ more problems/),
    });
    expect(answer.text.length).toBeLessThan(20_000);
    const test = await post({ query: TEST, variables: { input: { connectorType: 'rest-api', values } } });
    expect((test.json as { data: { testConnection: { errors: unknown[] } } }).data.testConnection.errors).toHaveLength(
      50,
    );
  });
});

describe('custom headers are checked when saved', () => {
  const withHeaders = (customHeaders: { name: string; value: string }[]) => ({
    query: CREATE,
    variables: {
      input: {
        name: 'headers',
        connectorType: 'rest-api',
        values: { baseUrl: 'https://example.com', authMethod: 'NONE', customHeaders },
      },
    },
  });
  const errorsOf = async (customHeaders: { name: string; value: string }[]) =>
    (
      (await post(withHeaders(customHeaders))).json as {
        data: {
          createConnectorConfig: { errors: { field: string; code: string; message: string }[]; config: unknown };
        };
      }
    ).data.createConnectorConfig;

  it.each([
    'Host',
    'host',
    'Content-Length',
    'Transfer-Encoding',
    'Connection',
    'Upgrade',
    'Expect',
    'TE',
    'Trailer',
    'Keep-Alive',
    'Proxy-Authorization',
  ])('refuses %s, which the HTTP client owns', async (name) => {
    const answer = await errorsOf([{ name, value: '169.254.169.254' }]);
    expect(answer.config).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({ field: 'customHeaders', message: expect.stringContaining('Plugboard sets it itself') }),
    ]);
  });

  it.each([
    ['a CR LF in a value', { name: 'X-Trace', value: 'a\r\nHost: evil' }],
    ['a LF in a name', { name: 'X-\nTrace', value: 'a' }],
    ['a NUL in a value', { name: 'X-Trace', value: 'a\u0000b' }],
    ['a name that is not a token', { name: 'X Trace', value: 'a' }],
  ])('refuses %s', async (_name, header) => {
    const answer = await errorsOf([header]);
    expect(answer.config).toBeNull();
    expect(answer.errors).toEqual([expect.objectContaining({ field: 'customHeaders' })]);
  });

  it('keeps ordinary headers', async () => {
    const answer = await errorsOf([{ name: 'X-Trace-Id', value: 'abc' }]);
    expect(answer.errors).toEqual([]);
  });
});
