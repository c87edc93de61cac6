import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  type AuthorizationCodeFlow,
  TestErrorCode as Code,
  Connector,
  classifyGraphError,
  classifyTokenError,
  connectedGrantToken,
  FieldFormat,
  FormField,
  GuardedHttp,
  probeTransport,
  requestToken,
  FormSectionKind as Section,
  TestStepKind as Step,
  type TestContext,
  TestFailure,
  FormFieldType as Type,
  textValue,
} from '../connector-kit';

const USER_SIGN_IN = { field: 'legacyUserSignIn', equals: true };
const DELEGATED = { field: 'authMethod', equals: 'AUTHORIZATION_CODE' };
const WITH_SECRET = { field: 'authMethod', in: ['CLIENT_SECRET', 'AUTHORIZATION_CODE'] };

/** Sign-in and Graph hosts of each national cloud; tokens do not cross clouds. */
const CLOUDS: Readonly<Record<string, { authority: string; graph: string }>> = {
  GLOBAL: { authority: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com' },
  US_GOV: { authority: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us' },
  US_GOV_DOD: { authority: 'https://login.microsoftonline.us', graph: 'https://dod-graph.microsoft.us' },
  CHINA: { authority: 'https://login.chinacloudapi.cn', graph: 'https://microsoftgraph.chinacloudapi.cn' },
};

type Values = Readonly<Record<string, unknown>>;
const cloudOf = (values: Values) => CLOUDS[textValue(values, 'nationalCloud') || 'GLOBAL'] ?? CLOUDS.GLOBAL;
const authorityOf = (values: Values) =>
  (textValue(values, 'authorityHost') || cloudOf(values).authority).replace(/\/+$/, '');
const graphOf = (values: Values) => (textValue(values, 'graphHost') || cloudOf(values).graph).replace(/\/+$/, '');
/** The override fields only when filled: an empty override is not what the user must change. */
const authorityFieldOf = (values: Values) => (textValue(values, 'authorityHost') ? 'authorityHost' : 'nationalCloud');
const graphFieldOf = (values: Values) => (textValue(values, 'graphHost') ? 'graphHost' : 'nationalCloud');
const tokenUrlOf = (values: Values) =>
  `${authorityOf(values)}/${encodeURIComponent(textValue(values, 'tenantId'))}/oauth2/v2.0/token`;

/** OpenID scopes name no resource; every other bare permission names Graph. */
const OPENID_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * Delegated access (the Microsoft identity platform's authorization code flow with PKCE): a user
 * consents, and the app acts as them. Bare permission names mean Graph of the global cloud; in a
 * national cloud they are prefixed with its Graph host, as Entra ID requires. offline_access is
 * always asked for: without it Entra ID issues no refresh token.
 */
const DELEGATED_FLOW: AuthorizationCodeFlow = {
  field: 'authMethod',
  option: 'AUTHORIZATION_CODE',
  providerName: 'Microsoft',
  clientIdField: 'clientId',
  clientSecretField: 'clientSecret',
  scopesField: 'delegatedScopes',
  endpoints: (values) => ({
    authorizeUrl: `${authorityOf(values)}/${encodeURIComponent(textValue(values, 'tenantId'))}/oauth2/v2.0/authorize`,
    tokenUrl: tokenUrlOf(values),
    field: authorityFieldOf(values),
  }),
  scopes: (values) => {
    const prefix = (textValue(values, 'nationalCloud') || 'GLOBAL') === 'GLOBAL' ? '' : `${graphOf(values)}/`;
    const asked = (textValue(values, 'delegatedScopes') || 'User.Read').split(/\s+/).filter(Boolean);
    const scopes = asked.map((scope) => (OPENID_SCOPES.has(scope) || scope.includes('/') ? scope : prefix + scope));
    return [...new Set([...scopes, 'offline_access'])];
  },
  extraParameters: () => ({ response_mode: 'query' }),
  clientAuthentication: () => 'BODY',
  refusal: (answer, error) => classifyTokenError(answer, error, 'clientSecret'),
};

@Connector({
  key: 'microsoft-graph',
  name: 'Microsoft 365 (Entra ID and Graph)',
  description:
    'Microsoft 365 through Microsoft Graph, signed in as an app registered in Microsoft Entra ID (with a client secret or a certificate), or as a user who connects through consent.',
  category: 'identity',
  version: 1,
  documentationUrl: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  connectionTest: {
    steps: [Step.RESOLVE, Step.CONNECT, Step.TLS, Step.AUTHENTICATE, Step.AUTHORIZE],
    timeoutMs: 20_000,
    credentialFields: ['tenantId', 'clientId', 'username'],
    hints: {
      [Code.APP_NOT_FOUND]: 'Copy the Application (client) ID from the app registration, and check the tenant ID.',
      [Code.TENANT_NOT_FOUND]:
        'Copy the Directory (tenant) ID from the app registration, or use a verified domain of the tenant.',
      [Code.WRONG_CLOUD]:
        'Pick the national cloud the tenant lives in, and leave the host overrides empty unless you need them.',
      [Code.CONSENT_REQUIRED]:
        'An administrator grants admin consent to the app (app registration, API permissions), then test again.',
    },
    run: testMicrosoftGraph,
  },
  authorizationCode: DELEGATED_FLOW,
})
export class MicrosoftGraphSettings {
  @FormField({
    label: 'Directory (tenant) ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 10,
    required: true,
    placeholder: 'contoso.onmicrosoft.com',
    validation: { format: FieldFormat.UUID_OR_DOMAIN, maxLength: 253 },
    helpText:
      'The tenant GUID or a verified domain, from the app registration\'s Overview page in the Entra admin center. Not "common".',
  })
  tenantId?: string;

  @FormField({
    label: 'Application (client) ID',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 20,
    required: true,
    placeholder: '00000000-0000-0000-0000-000000000000',
    validation: { format: FieldFormat.UUID },
    helpText: "The GUID on the app registration's Overview page.",
  })
  clientId?: string;

  @FormField({
    label: 'App credential',
    section: Section.GENERAL,
    type: Type.SELECT,
    order: 30,
    required: true,
    defaultValue: 'CLIENT_SECRET',
    options: [
      { value: 'CLIENT_SECRET', label: 'Client secret', description: 'A secret created under Certificates & secrets.' },
      {
        value: 'CERTIFICATE',
        label: 'Certificate',
        description: 'A certificate uploaded to the app registration; its private key signs each sign-in.',
      },
      {
        value: 'AUTHORIZATION_CODE',
        label: 'Delegated: a user connects (sign-in and consent)',
        description:
          'A user signs in at Microsoft and consents; the app then acts as that user, with delegated permissions. Uses the client secret.',
      },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Client secret',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 40,
    visibleWhen: WITH_SECRET,
    requiredWhen: {
      any: [{ all: [{ field: 'authMethod', equals: 'CLIENT_SECRET' }, { not: USER_SIGN_IN }] }, DELEGATED],
    },
    helpText:
      "The secret's Value, shown once when it is created, not its Secret ID. Secrets expire: note the expiry date and renew before it.",
  })
  clientSecret?: string;

  @FormField({
    label: 'Certificate',
    section: Section.GENERAL,
    type: Type.CERTIFICATE,
    order: 50,
    visibleWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    requiredWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    helpText: 'The public certificate (PEM) uploaded to the app registration. Its thumbprint identifies the key.',
  })
  certificate?: string;

  @FormField({
    label: 'Certificate private key',
    section: Section.GENERAL,
    type: Type.PRIVATE_KEY,
    order: 60,
    visibleWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    requiredWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    helpText: 'The private key of that certificate, in PEM form.',
  })
  privateKey?: string;

  @FormField({
    label: 'Private key passphrase',
    section: Section.GENERAL,
    type: Type.SECRET,
    order: 70,
    visibleWhen: { field: 'authMethod', equals: 'CERTIFICATE' },
    helpText: 'Only when the private key is encrypted.',
  })
  privateKeyPassphrase?: string;

  @FormField({
    label: 'Delegated permissions',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 80,
    defaultValue: 'User.Read',
    visibleWhen: DELEGATED,
    requiredWhen: DELEGATED,
    placeholder: 'User.Read Mail.Read',
    validation: { maxLength: 2000 },
    helpText:
      'Space-separated delegated permissions the user consents to, as listed under API permissions. offline_access is added, so access can be renewed.',
  })
  delegatedScopes?: string;

  @FormField({
    label: 'Permission to check',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.SELECT,
    order: 10,
    defaultValue: 'ORGANIZATION',
    options: [
      {
        value: 'ORGANIZATION',
        label: 'Read the organization (Directory.Read.All)',
        description: 'GET /organization',
      },
      { value: 'USERS', label: 'Read users (User.Read.All)', description: 'GET /users?$top=1' },
    ],
    helpText:
      'The test signs in, then makes one Graph call that needs this application permission, with admin consent granted.',
  })
  permissionProbe?: string;

  @FormField({
    label: 'User filter',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXT,
    order: 20,
    optIn: true,
    placeholder: "accountEnabled eq true and userType eq 'Member'",
    helpText: 'An OData $filter that limits which users are read.',
  })
  userFilter?: string;

  @FormField({
    label: 'SharePoint site',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.URL,
    order: 30,
    optIn: true,
    placeholder: 'https://contoso.sharepoint.com/sites/finance',
    helpText: 'The site whose document library receives exported files.',
  })
  sharePointSiteUrl?: string;

  @FormField({
    label: 'National cloud',
    section: Section.ADVANCED_OPTIONS,
    type: Type.SELECT,
    order: 10,
    defaultValue: 'GLOBAL',
    options: [
      { value: 'GLOBAL', label: 'Global (and GCC)', description: 'login.microsoftonline.com, graph.microsoft.com' },
      {
        value: 'US_GOV',
        label: 'US Government L4 (GCC High)',
        description: 'login.microsoftonline.us, graph.microsoft.us',
      },
      {
        value: 'US_GOV_DOD',
        label: 'US Government L5 (DoD)',
        description: 'login.microsoftonline.us, dod-graph.microsoft.us',
      },
      {
        value: 'CHINA',
        label: 'China (21Vianet)',
        description: 'login.chinacloudapi.cn, microsoftgraph.chinacloudapi.cn',
      },
    ],
    helpText: 'Tokens from one cloud do not work in another. Pick the cloud the tenant lives in.',
  })
  nationalCloud?: string;

  @FormField({
    label: 'Sign-in host override',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 20,
    placeholder: 'https://login.microsoftonline.com',
    helpText: "Replaces the national cloud's sign-in host, for a private or test endpoint. Leave empty otherwise.",
  })
  authorityHost?: string;

  @FormField({
    label: 'Graph host override',
    section: Section.ADVANCED_OPTIONS,
    type: Type.URL,
    order: 30,
    placeholder: 'https://graph.microsoft.com',
    helpText: "Replaces the national cloud's Graph host. Must belong to the same cloud as the sign-in host.",
  })
  graphHost?: string;

  @FormField({
    label: 'Sign in as a user (legacy)',
    section: Section.ADVANCED_OPTIONS,
    type: Type.BOOLEAN,
    order: 40,
    defaultValue: false,
    helpText:
      "Uses a user's name and password (the OAuth password grant) instead of the app's own permissions. It fails for accounts that need MFA, for federated and passwordless accounts, and wherever conditional access or security defaults block legacy authentication. Use it only for a dedicated service account excluded from those policies.",
  })
  legacyUserSignIn?: boolean;

  @FormField({
    label: 'Username',
    section: Section.ADVANCED_OPTIONS,
    type: Type.EMAIL,
    order: 50,
    visibleWhen: USER_SIGN_IN,
    requiredWhen: USER_SIGN_IN,
    placeholder: 'svc-integration@contoso.com',
    helpText: "The account's user principal name.",
  })
  username?: string;

  @FormField({
    label: 'Password',
    section: Section.ADVANCED_OPTIONS,
    type: Type.SECRET,
    order: 60,
    visibleWhen: USER_SIGN_IN,
    requiredWhen: USER_SIGN_IN,
    helpText: 'Leading and trailing spaces are not supported by this sign-in method.',
  })
  password?: string;
}

const PROBES: Readonly<Record<string, string>> = {
  ORGANIZATION: '/v1.0/organization?$select=id,displayName',
  USERS: '/v1.0/users?$top=1&$select=id',
};

/**
 * A client assertion for certificate credentials: a JWT for the token endpoint, signed with
 * the certificate's private key (PS256), naming the certificate by its SHA-256 thumbprint.
 */
async function clientAssertion(context: TestContext, tokenUrl: string): Promise<string> {
  let key: ReturnType<typeof createPrivateKey>;
  let thumbprint: string;
  try {
    key = createPrivateKey({
      key: context.text('privateKey'),
      passphrase: context.text('privateKeyPassphrase') || undefined,
    });
  } catch (error) {
    throw new TestFailure(Code.INVALID_VALUE, {
      field: /passphrase|decrypt/i.test((error as Error).message) ? 'privateKeyPassphrase' : 'privateKey',
      message: 'The private key cannot be read with this passphrase.',
    });
  }
  try {
    thumbprint = createHash('sha256')
      .update(new X509Certificate(context.text('certificate')).raw)
      .digest('base64url');
  } catch {
    throw new TestFailure(Code.INVALID_VALUE, { field: 'certificate', message: 'The certificate cannot be read.' });
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': thumbprint })
    .setIssuer(context.text('clientId'))
    .setSubject(context.text('clientId'))
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 300)
    .sign(key);
}

/**
 * Sign in at the Microsoft identity platform (client secret, certificate, or the legacy user
 * password grant), then make one Graph call that needs the permission the integration uses.
 * A token alone proves only the credentials: Entra ID issues one even without permissions.
 */
async function testMicrosoftGraph(context: TestContext): Promise<void> {
  const authority = authorityOf(context.values);
  const graph = graphOf(context.values);
  const tokenUrl = tokenUrlOf(context.values);
  const authorityUrl = new URL(authority);
  await probeTransport(context, {
    host: authorityUrl.hostname,
    port: Number(authorityUrl.port || 443),
    tls: authorityUrl.protocol === 'https:',
    ca: context.trustedCas(),
    field: context.text('authorityHost') ? 'authorityHost' : 'nationalCloud',
  });
  const http = new GuardedHttp(context.destinations, { ca: context.trustedCas() });
  try {
    if (context.text('authMethod') === DELEGATED_FLOW.option) {
      await probeAsSignedInUser(context, http, graph);
      return;
    }
    const form = new URLSearchParams({ client_id: context.text('clientId'), scope: `${graph}/.default` });
    const certificate = context.text('authMethod') === 'CERTIFICATE';
    if (context.values.legacyUserSignIn === true) {
      form.set('grant_type', 'password');
      form.set('username', context.text('username'));
      form.set('password', context.text('password'));
    } else {
      form.set('grant_type', 'client_credentials');
    }
    if (certificate) {
      const assertion = await clientAssertion(context, tokenUrl);
      context.scrubber.add(assertion);
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', assertion);
    } else if (context.text('clientSecret')) {
      form.set('client_secret', context.text('clientSecret'));
    }
    const credentialField = certificate ? 'certificate' : 'clientSecret';
    // The override fields only when filled: an empty override is not what the user must change.
    const authorityField = authorityFieldOf(context.values);
    const graphField = graphFieldOf(context.values);
    const { accessToken: token } = await requestToken(context, http, {
      url: tokenUrl,
      form,
      field: authorityField,
      refusal: (answer, error) => classifyTokenError(answer, error, credentialField),
    });
    await context.step(
      Step.AUTHORIZE,
      async (signal) => {
        const probe = await http.request(`${graph}${PROBES[context.text('permissionProbe') || 'ORGANIZATION']}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          field: graphField,
          signal,
        });
        if (probe.status !== 200) throw classifyGraphError(probe);
      },
      { field: graphField },
    );
    if (context.collectsExpiries && !certificate && context.values.legacyUserSignIn !== true) {
      await reportSecretExpiry(context, http, graph, token);
    }
  } finally {
    await http.close();
  }
}

/**
 * Health checks only: when the app may read its own registration (Application.Read.All), the
 * end date of the client secret in use, found by its hint (the first three characters Entra ID
 * keeps). Anything else (no permission, no match) reports nothing: it is never a failure.
 */
async function reportSecretExpiry(context: TestContext, http: GuardedHttp, graph: string, token: string) {
  const appId = encodeURIComponent(context.text('clientId'));
  try {
    const answer = await http.request(`${graph}/v1.0/applications(appId='${appId}')?$select=passwordCredentials`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      field: 'clientSecret',
      signal: context.signal,
    });
    if (answer.status !== 200) return;
    const { passwordCredentials = [] } = JSON.parse(answer.text) as {
      passwordCredentials?: { hint?: string; endDateTime?: string }[];
    };
    const hint = context.text('clientSecret').slice(0, 3);
    const ends = passwordCredentials
      .filter((credential) => credential.hint === hint && credential.endDateTime)
      .map((credential) => credential.endDateTime as string)
      .sort();
    if (ends[0]) context.reportExpiry('clientSecret', ends[0]);
  } catch {
    // Unreadable registration: the expiry stays unknown (or as entered by a person).
  }
}

/** Delegated access: the grant just connected signs the call, and /me proves whose it is. */
async function probeAsSignedInUser(context: TestContext, http: GuardedHttp, graph: string): Promise<void> {
  const token = await connectedGrantToken(context, DELEGATED_FLOW.field);
  const graphField = graphFieldOf(context.values);
  await context.step(
    Step.AUTHORIZE,
    async (signal) => {
      const probe = await http.request(`${graph}/v1.0/me?$select=id,userPrincipalName`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        field: graphField,
        signal,
      });
      if (probe.status !== 200) throw classifyGraphError(probe);
    },
    { field: graphField },
  );
}
