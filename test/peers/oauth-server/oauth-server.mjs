// A real OAuth 2.0 / OpenID Connect authorization server (oidc-provider, a certified
// implementation) dressed as one provider, run as its own process: oidc-provider is ESM-only
// and wants its own event loop. It also answers a few API calls with the tokens it issued, in
// that provider's shape, so a connection test can prove a grant.
//
// Started by oauth-server.peer.ts with a JSON config in PEER_CONFIG; prints {"port"} when
// listening. Tests steer it through /__peer/* (failure injection, counters).
import { createServer } from 'node:https';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(process.env.PEER_CONFIG);
const { style, tls, client, password } = config;

const STYLES = {
  microsoft: {
    mount: `/${config.tenant ?? 'contoso.onmicrosoft.com'}/oauth2/v2.0`,
    routes: { authorization: '/authorize', token: '/token', userinfo: '/userinfo' },
    scopes: ['User.Read', 'Mail.Read'],
    api: ['/v1.0/me'],
    denied: 'AADSTS65004: User declined to consent to access the app.',
  },
  salesforce: {
    mount: '/services/oauth2',
    routes: { authorization: '/authorize', token: '/token', userinfo: '/userinfo' },
    scopes: ['api', 'refresh_token'],
    api: ['/services/data/'],
    denied: 'end-user denied authorization',
  },
  okta: {
    mount: '/oauth2/v1',
    routes: { authorization: '/authorize', token: '/token', userinfo: '/userinfo' },
    scopes: ['okta.users.read'],
    api: ['/api/v1/users'],
    denied: 'The resource owner or authorization server denied the request.',
  },
  jira: {
    mount: '',
    routes: { authorization: '/authorize', token: '/oauth/token', userinfo: '/userinfo' },
    scopes: ['read:jira-user', 'read:jira-work'],
    api: ['/oauth/token/accessible-resources', '/ex/jira/'],
    denied: 'access_denied',
  },
  servicenow: {
    mount: '',
    routes: { authorization: '/oauth_auth.do', token: '/oauth_token.do', userinfo: '/userinfo' },
    scopes: ['useraccount'],
    api: ['/api/now/table/'],
    denied: 'access_denied',
  },
  generic: {
    mount: '',
    routes: { authorization: '/authorize', token: '/token', userinfo: '/userinfo' },
    scopes: ['read:items'],
    api: ['/api/'],
    denied: 'The user denied the request.',
  },
};
const shape = STYLES[style];

// What tests steer and read.
const peer = {
  tokenRequests: [],
  authorizationRequests: [],
  apiCalls: 0,
  /** { status, body, times }: the next `times` token requests answer this. */
  tokenFailure: null,
  tokenDelayMs: 0,
  accessTokenTtl: config.accessTokenTtl ?? 3600,
};

const server = createServer({ cert: tls.cert, key: tls.key });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const origin = `https://localhost:${port}`;

const provider = new Provider(`${origin}${shape.mount}`, {
  clients: [
    {
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: client.authMethod ?? 'client_secret_post',
    },
  ],
  pkce: { required: () => true },
  routes: shape.routes,
  scopes: ['openid', 'offline_access', 'profile', 'email', ...shape.scopes],
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, name: id, email: `${id}@example.test` }),
  }),
  interactions: { url: (_ctx, interaction) => `${shape.mount}/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
  // Every authorization asks for consent again (a test can deny after allowing once): only the
  // consent just given in this interaction counts, not one remembered from before.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId;
    return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
  },
  issueRefreshToken: async (_ctx, clientOf) => clientOf.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  ttl: {
    AccessToken: () => peer.accessTokenTtl,
    AuthorizationCode: 60,
    RefreshToken: 86_400,
    Interaction: 600,
    Session: 600,
    Grant: 86_400,
  },
  cookies: { keys: ['plugboard-test-peer-cookie-key'] },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Error</title><h1>${out.error}</h1><p>${out.error_description ?? ''}</p>`;
  },
});

function microsoftError(body) {
  const codes = { invalid_grant: 70000, invalid_client: 7000215, invalid_request: 900144 };
  const code = codes[body.error] ?? 90000;
  return {
    error: body.error,
    error_description: `AADSTS${code}: ${body.error_description ?? 'The request was refused.'} Trace ID: 0000 Correlation ID: 0000 Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: '00000000-0000-0000-0000-000000000000',
    correlation_id: '00000000-0000-0000-0000-000000000000',
  };
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

provider.use(async (ctx, next) => {
  const isToken = ctx.method === 'POST' && ctx.path === shape.routes.token;
  if (isToken && peer.tokenDelayMs) await pause(peer.tokenDelayMs);
  if (isToken && peer.tokenFailure && peer.tokenFailure.times > 0) {
    peer.tokenFailure.times -= 1;
    peer.tokenRequests.push({ grantType: 'injected-failure' });
    ctx.status = peer.tokenFailure.status;
    ctx.type = 'json';
    ctx.body = peer.tokenFailure.body;
    return;
  }
  await next();
  // As the client sent it: oidc-provider drops what it will not grant from its own params.
  if (ctx.oidc?.route === 'authorization') peer.authorizationRequests.push({ ...ctx.query });
  if (ctx.oidc?.route !== 'token') return;
  const params = ctx.oidc.params ?? {};
  peer.tokenRequests.push({
    grantType: params.grant_type,
    status: ctx.status,
    codeVerifierSent: Boolean(params.code_verifier),
    refreshToken: params.refresh_token,
    error: ctx.body?.error,
  });
  if (ctx.status === 200 && ctx.body?.access_token && style === 'salesforce') {
    ctx.body.instance_url = origin;
    ctx.body.id = `${origin}/id/00D000000000001/005000000000001`;
    ctx.body.issued_at = String(Date.now());
  }
  if (ctx.status >= 400 && ctx.body?.error && style === 'microsoft') ctx.body = microsoftError(ctx.body);
});

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const readForm = async (req) => new URLSearchParams(await readBody(req));

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const send = (html) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  };
  const base = `${shape.mount}/interaction/${uid}`;
  if (action === 'abort') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: shape.denied },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (details.prompt.name === 'login') {
    if (action === 'login') {
      const form = await readForm(req);
      if (form.get('password') !== password) {
        send(page('Sign in', `<p role="alert">Wrong password.</p>${loginForm(base)}`));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: form.get('login') } },
        {
          mergeWithLastSubmission: false,
        },
      );
      return;
    }
    send(page('Sign in', loginForm(base)));
    return;
  }
  if (action === 'confirm') {
    const { prompt, params, session, grantId } = details;
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
    return;
  }
  send(
    page(
      'Allow access',
      `<p>The app asks for: ${details.params.scope}</p>
      <form method="post" action="${base}/confirm"><button type="submit">Allow</button></form>
      <form method="post" action="${base}/abort"><button type="submit">Deny</button></form>`,
    ),
  );
}

const loginForm = (base) => `<form method="post" action="${base}/login">
  <label>Username <input name="login" autocomplete="username"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button></form>`;

/** The provider's API, answering with the tokens this server issued, in the provider's shape. */
async function api(req, res, path) {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const found = token ? await provider.AccessToken.find(token) : undefined;
  const json = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  peer.apiCalls += 1;
  if (!found || found.isExpired) {
    const refusals = {
      microsoft: {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' },
      },
      salesforce: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
      okta: { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] },
      jira: { code: 401, message: 'Unauthorized' },
      servicenow: { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' } },
      generic: { error: 'invalid_token' },
    };
    json(401, refusals[style]);
    return;
  }
  const user = found.accountId;
  if (path === '/oauth/token/accessible-resources') {
    json(200, [{ id: 'cloud-1', url: origin, name: 'example', scopes: found.scope.split(' ') }]);
    return;
  }
  // The Table API wraps rows in `result`; the other APIs' answers are read by status only.
  if (style === 'servicenow') json(200, { result: [{ sys_id: 'a1b2c3' }] });
  else json(200, { ok: true, user, scopes: found.scope.split(' ') });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/__peer/')) {
      if (req.method === 'POST') Object.assign(peer, JSON.parse((await readBody(req)) || '{}'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(peer));
      return;
    }
    const interactionMatch = new RegExp(`^${shape.mount}/interaction/([^/]+)(?:/(login|confirm|abort))?$`).exec(
      url.pathname,
    );
    if (interactionMatch) {
      await interaction(req, res, interactionMatch[1], interactionMatch[2]);
      return;
    }
    if (shape.api.some((prefix) => url.pathname.startsWith(prefix))) {
      await api(req, res, url.pathname);
      return;
    }
    if (shape.mount && !url.pathname.startsWith(`${shape.mount}/`)) {
      res.writeHead(404).end();
      return;
    }
    // oidc-provider serves paths relative to its issuer, and finds its mount from originalUrl
    // as under Express.
    req.originalUrl = req.url;
    req.url = req.url.slice(shape.mount.length);
    callback(req, res);
  } catch (error) {
    if (!res.headersSent) {
      res.writeHead(error instanceof errors.SessionNotFound ? 400 : 500, { 'content-type': 'text/plain' });
    }
    res.end(String(error?.message ?? error));
  }
});

process.stdout.write(`${JSON.stringify({ port, issuer: `${origin}${shape.mount}` })}\n`);
