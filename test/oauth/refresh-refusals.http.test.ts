import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, type ProviderStyle } from '../peers/oauth-server.peer';
import { connect, grantOf, type OAuthFixture, runtimeRead, saveConfig, startOAuthFixture } from './oauth-fixture';

/**
 * A refresh refused with each provider's real payload (../shared/providers/) lands on the grant
 * as the code a person can act on, with the provider's own code beside it.
 */
interface Refusal {
  name: string;
  status: number;
  body: Record<string, unknown>;
  expected: { code: string; providerCode: string };
}

const microsoft = (code: number, error: string, text: string) => ({
  error,
  error_description: `AADSTS${code}: ${text}\r\nTrace ID: 0a1b\r\nCorrelation ID: 2c3d\r\nTimestamp: 2026-12-03 05:00:00Z`,
  error_codes: [code],
  timestamp: '2026-12-03 05:00:00Z',
  trace_id: '0a1b',
  correlation_id: '2c3d',
  error_uri: `https://login.microsoftonline.com/error?code=${code}`,
});

const CASES: {
  style: ProviderStyle;
  connector: string;
  values: (origin: string) => Record<string, unknown>;
  refusals: Refusal[];
}[] = [
  {
    style: 'microsoft',
    connector: 'microsoft-graph',
    values: (origin) => ({
      tenantId: 'contoso.onmicrosoft.com',
      clientId: OAUTH_CLIENT_ID,
      clientSecret: OAUTH_CLIENT_SECRET,
      authMethod: 'AUTHORIZATION_CODE',
      authorityHost: origin,
      graphHost: origin,
    }),
    refusals: [
      {
        name: 'a refresh token expired or revoked',
        status: 400,
        body: microsoft(70008, 'invalid_grant', 'The provided authorization code or refresh token has expired.'),
        expected: { code: 'OAUTH_REFRESH_FAILED', providerCode: 'AADSTS70008' },
      },
      {
        name: 'the client secret expired',
        status: 401,
        body: microsoft(7000222, 'invalid_client', 'The provided client secret keys for app are expired.'),
        expected: { code: 'CREDENTIAL_EXPIRED', providerCode: 'AADSTS7000222' },
      },
    ],
  },
  {
    style: 'salesforce',
    connector: 'salesforce',
    values: (origin) => ({
      authMethod: 'AUTHORIZATION_CODE',
      loginUrl: origin,
      consumerKey: OAUTH_CLIENT_ID,
      consumerSecret: OAUTH_CLIENT_SECRET,
    }),
    refusals: [
      {
        name: 'a refresh token expired or revoked',
        status: 400,
        body: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
        expected: { code: 'OAUTH_REFRESH_FAILED', providerCode: 'invalid_grant' },
      },
    ],
  },
];

describe.each(CASES)('$connector', ({ style, connector, values, refusals }) => {
  let fixture: OAuthFixture;
  let runtimeKey: string;

  beforeAll(async () => {
    fixture = await startOAuthFixture(style, { accessTokenTtl: 1 });
    runtimeKey = (await fixture.server.services.apiKeys.create('default', 'RUNTIME', 'runtime', 'test')).key;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it.each(refusals)('$name', async ({ status, body, expected }) => {
    const id = await saveConfig(fixture, connector, values(fixture.provider.origin));
    await connect(fixture, id);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await fixture.provider.steer({ tokenFailure: { status, body, times: 1 } });
    const runtime = await runtimeRead(fixture, id, runtimeKey);
    expect(runtime?.oauth).toMatchObject({ status: 'REFRESH_FAILED', accessToken: null, problem: expected });
    expect(await grantOf(fixture, id)).toMatchObject({ status: 'REFRESH_FAILED', lastError: expected });
  });
});
