import { TestConnectionDocument } from '../../codegen/generated/graphql';
import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET } from '../peers/oauth-server.peer';
import { execute } from '../support/graphql-client';
import {
  callProviderApi,
  comeBack,
  connect,
  consentFor,
  grantOf,
  type OAuthFixture,
  runtimeRead,
  saveConfig,
  startOAuthFixture,
} from './oauth-fixture';

let fixture: OAuthFixture;
let runtimeKey: string;

beforeAll(async () => {
  fixture = await startOAuthFixture('microsoft');
  runtimeKey = (await fixture.server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key;
});

afterAll(async () => {
  await fixture?.stop();
});

const delegated = () => ({
  tenantId: 'contoso.onmicrosoft.com',
  clientId: OAUTH_CLIENT_ID,
  authMethod: 'AUTHORIZATION_CODE',
  clientSecret: OAUTH_CLIENT_SECRET,
  delegatedScopes: 'User.Read',
  authorityHost: fixture.provider.origin,
  graphHost: fixture.provider.origin,
});

describe('Microsoft Graph delegated access, against a real authorization server', () => {
  it('connects through consent with PKCE, and the runtime gets a working token', async () => {
    const id = await saveConfig(fixture, 'microsoft-graph', delegated());
    expect(await grantOf(fixture, id)).toMatchObject({ status: 'NOT_CONNECTED', connectedAt: null });
    const back = await consentFor(fixture, id);
    const seen = (await fixture.provider.state()).authorizationRequests.at(-1);
    expect(seen).toMatchObject({
      response_type: 'code',
      client_id: OAUTH_CLIENT_ID,
      code_challenge_method: 'S256',
      redirect_uri: `${fixture.server.url}/oauth/callback`,
      response_mode: 'query',
    });
    expect(seen?.scope.split(' ')).toEqual(expect.arrayContaining(['User.Read', 'offline_access']));
    const answer = await comeBack(back);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Connected');
    const exchange = (await fixture.provider.state()).tokenRequests.at(-1);
    expect(exchange).toMatchObject({ grantType: 'authorization_code', status: 200, codeVerifierSent: true });

    expect(await grantOf(fixture, id)).toMatchObject({
      status: 'CONNECTED',
      connectedBy: expect.any(String),
      lastError: null,
    });
    const runtime = await runtimeRead(fixture, id, runtimeKey);
    expect(runtime?.oauth).toMatchObject({ status: 'CONNECTED', problem: null });
    expect(await callProviderApi(fixture, '/v1.0/me', runtime?.oauth?.accessToken)).toBe(200);
  });

  it('tests with the grant right after connecting, and says to connect otherwise', async () => {
    const id = await saveConfig(fixture, 'microsoft-graph', delegated());
    const test = () =>
      execute(
        fixture.server.url,
        TestConnectionDocument,
        { input: { connectorType: 'microsoft-graph', configId: id, values: delegated() } },
        fixture.admin,
      );
    const before = await test();
    expect(before.data?.testConnection.errors[0]).toMatchObject({ code: 'OAUTH_NOT_CONNECTED', field: 'authMethod' });
    await connect(fixture, id);
    const after = await test();
    expect(after.data?.testConnection).toMatchObject({ ok: true, errors: [] });
  });
});
