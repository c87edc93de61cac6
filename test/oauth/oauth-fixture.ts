import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { v7 as uuidv7 } from 'uuid';
import {
  ConnectorRuntimeConfigDocument,
  CreateConnectorConfigDocument,
  EditConnectorConfigDocument,
  StartOAuthAuthorizationDocument,
} from '../../codegen/generated/graphql';
import { makeTestCertificates, type TestCertificates } from '../peers/certificates';
import {
  OAUTH_CLIENT_ID,
  OAUTH_CLIENT_SECRET,
  type OAuthServerPeer,
  type ProviderStyle,
  startOAuthServerPeer,
} from '../peers/oauth-server.peer';
import { execute } from '../support/graphql-client';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

/** A Plugboard server, and a real authorization server in one provider's style that knows it as a client. */
export interface OAuthFixture {
  certs: TestCertificates;
  server: TestServer;
  provider: OAuthServerPeer;
  admin: Record<string, string>;
  stop(): Promise<void>;
}

export async function startOAuthFixture(
  style: ProviderStyle,
  options: {
    env?: NodeJS.ProcessEnv;
    accessTokenTtl?: number;
    clientAuthMethod?: 'client_secret_post' | 'client_secret_basic';
  } = {},
): Promise<OAuthFixture> {
  const certs = await makeTestCertificates();
  const caFile = join(tmpdir(), `plugboard-ca-${uuidv7()}.pem`);
  writeFileSync(caFile, certs.ca);
  const server = await startTestServer({
    PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1/32,::1/128',
    PLUGBOARD_EXTRA_CA_FILE: caFile,
    ...options.env,
  });
  const provider = await startOAuthServerPeer({
    style,
    tls: certs.valid,
    ca: certs.ca,
    redirectUris: [`${server.url}/oauth/callback`],
    accessTokenTtl: options.accessTokenTtl,
    clientAuthMethod: options.clientAuthMethod,
  });
  return {
    certs,
    server,
    provider,
    admin: bearer(server.adminKey),
    stop: async () => {
      await provider.stop();
      await server.stop();
    },
  };
}

/** A REST API config that signs in through the generic-style authorization server's consent. */
export function restApiConsentValues(fixture: OAuthFixture): Record<string, unknown> {
  const { origin } = fixture.provider;
  return {
    baseUrl: `${origin}/api`,
    authMethod: 'AUTHORIZATION_CODE',
    authorizeUrl: `${origin}/authorize`,
    tokenUrl: `${origin}/token`,
    clientId: OAUTH_CLIENT_ID,
    clientSecret: OAUTH_CLIENT_SECRET,
    scopes: 'openid offline_access read:items',
  };
}

/** Saves a config and returns its global id. */
export async function saveConfig(
  fixture: OAuthFixture,
  connectorType: string,
  values: Record<string, unknown>,
): Promise<string> {
  const { data, errors } = await execute(
    fixture.server.url,
    CreateConnectorConfigDocument,
    { input: { name: `${connectorType} ${uuidv7().slice(-6)}`, connectorType, values } },
    fixture.admin,
  );
  expect(errors).toBeUndefined();
  expect(data?.createConnectorConfig.errors).toEqual([]);
  return data?.createConnectorConfig.config?.id as string;
}

/** Starts the consent, and plays the user at the provider; the browser's way back to Plugboard. */
export async function consentFor(
  fixture: OAuthFixture,
  configId: string,
  options: { deny?: boolean; returnUrl?: string; headers?: Record<string, string> } = {},
): Promise<URL> {
  const { data } = await execute(
    fixture.server.url,
    StartOAuthAuthorizationDocument,
    { input: { configId, returnUrl: options.returnUrl } },
    options.headers ?? fixture.admin,
  );
  expect(data?.startOAuthAuthorization.errors).toEqual([]);
  return fixture.provider.consent(data?.startOAuthAuthorization.authorizationUrl as string, { deny: options.deny });
}

/** Follows the provider's redirect into Plugboard's callback, as the browser would. */
export async function comeBack(back: URL): Promise<{ status: number; text: string; location: string | null }> {
  const answer = await fetch(back, { redirect: 'manual' });
  return { status: answer.status, text: await answer.text(), location: answer.headers.get('location') };
}

/** Connects a saved config end to end: consent, then the callback. */
export async function connect(fixture: OAuthFixture, configId: string): Promise<void> {
  const back = await consentFor(fixture, configId);
  const answer = await comeBack(back);
  expect(answer.text).toContain('Connected');
  expect(answer.status).toBe(200);
}

export async function grantOf(fixture: OAuthFixture, configId: string) {
  const { data } = await execute(fixture.server.url, EditConnectorConfigDocument, { id: configId }, fixture.admin);
  return data?.connectorConfig?.oauthGrant;
}

export async function runtimeRead(fixture: OAuthFixture, configId: string, runtimeKey: string) {
  const { data, errors } = await execute(
    fixture.server.url,
    ConnectorRuntimeConfigDocument,
    { id: configId },
    bearer(runtimeKey),
  );
  expect(errors).toBeUndefined();
  return data?.connectorRuntimeConfig;
}

/** Calls the provider's API with a token, as the integration runtime would. */
export async function callProviderApi(fixture: OAuthFixture, path: string, token: string | null | undefined) {
  const dispatcher = new Agent({ connect: { ca: fixture.certs.ca } });
  try {
    const answer = await undiciFetch(`${fixture.provider.origin}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      dispatcher,
    });
    return answer.status;
  } finally {
    await dispatcher.close();
  }
}
