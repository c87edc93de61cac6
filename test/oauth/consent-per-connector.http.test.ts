import { TestConnectionDocument } from '../../codegen/generated/graphql';
import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, type ProviderStyle } from '../peers/oauth-server.peer';
import { execute } from '../support/graphql-client';
import {
  callProviderApi,
  connect,
  grantOf,
  type OAuthFixture,
  runtimeRead,
  saveConfig,
  startOAuthFixture,
} from './oauth-fixture';

/**
 * Every connector with a consent flow, against a real authorization server dressed as its
 * provider: connect, test right after, and the runtime's token works on the provider's API.
 */
interface Case {
  connector: string;
  style: ProviderStyle;
  values: (origin: string) => Record<string, unknown>;
  /** A call the runtime would make with the token. */
  apiPath: string;
  providerValues?: string[];
}

const client = { clientId: OAUTH_CLIENT_ID, clientSecret: OAUTH_CLIENT_SECRET, authMethod: 'AUTHORIZATION_CODE' };

const CASES: Case[] = [
  {
    connector: 'microsoft-graph',
    style: 'microsoft',
    values: (origin) => ({
      ...client,
      tenantId: 'contoso.onmicrosoft.com',
      authorityHost: origin,
      graphHost: origin,
      delegatedScopes: 'User.Read Mail.Read',
    }),
    apiPath: '/v1.0/me',
  },
  {
    connector: 'salesforce',
    style: 'salesforce',
    values: (origin) => ({
      authMethod: 'AUTHORIZATION_CODE',
      loginUrl: origin,
      consumerKey: OAUTH_CLIENT_ID,
      consumerSecret: OAUTH_CLIENT_SECRET,
    }),
    apiPath: '/services/data/v62.0/limits',
    providerValues: ['instance_url', 'id'],
  },
  {
    connector: 'okta',
    style: 'okta',
    values: (origin) => ({ ...client, orgUrl: origin, scopes: ['okta.users.read'] }),
    apiPath: '/api/v1/users?limit=1',
  },
  {
    connector: 'jira-cloud',
    style: 'jira',
    values: (origin) => ({ ...client, siteUrl: origin, atlassianAuthHost: origin, atlassianApiHost: origin }),
    apiPath: '/oauth/token/accessible-resources',
  },
  {
    connector: 'servicenow',
    style: 'servicenow',
    values: (origin) => ({ ...client, instanceUrl: origin }),
    apiPath: '/api/now/table/sys_user?sysparm_limit=1',
  },
  {
    connector: 'rest-api',
    style: 'generic',
    values: (origin) => ({
      ...client,
      baseUrl: `${origin}/api`,
      authorizeUrl: `${origin}/authorize`,
      tokenUrl: `${origin}/token`,
      scopes: 'openid offline_access read:items',
      clientAuthentication: 'HEADER',
      testPath: '/items',
    }),
    apiPath: '/api/items',
  },
];

describe.each(CASES)('$connector', ({ connector, style, values, apiPath, providerValues }) => {
  let fixture: OAuthFixture;
  let runtimeKey: string;

  beforeAll(async () => {
    fixture = await startOAuthFixture(style, {
      clientAuthMethod: connector === 'rest-api' ? 'client_secret_basic' : 'client_secret_post',
    });
    runtimeKey = (await fixture.server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('connects through the consent screen, tests with the new grant, and hands the runtime a working token', async () => {
    const formValues = values(fixture.provider.origin);
    const id = await saveConfig(fixture, connector, formValues);
    await connect(fixture, id);
    const exchange = (await fixture.provider.state()).tokenRequests.at(-1);
    expect(exchange).toMatchObject({ grantType: 'authorization_code', status: 200, codeVerifierSent: true });

    const grant = await grantOf(fixture, id);
    expect(grant).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(grant?.accessTokenExpiresAt).toEqual(expect.any(String));

    const { data } = await execute(
      fixture.server.url,
      TestConnectionDocument,
      { input: { connectorType: connector, configId: id, values: formValues } },
      fixture.admin,
    );
    expect(data?.testConnection.errors).toEqual([]);
    expect(data?.testConnection.steps.find((step) => step.kind === 'AUTHENTICATE')?.status).toBe('SUCCEEDED');

    const runtime = await runtimeRead(fixture, id, runtimeKey);
    expect(runtime?.oauth?.status).toBe('CONNECTED');
    expect(await callProviderApi(fixture, apiPath, runtime?.oauth?.accessToken)).toBe(200);
    for (const name of providerValues ?? []) expect(runtime?.oauth?.providerValues).toHaveProperty(name);
  });
});
