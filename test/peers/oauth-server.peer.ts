import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agent, fetch } from 'undici';
import type { Pem } from './certificates';

export type ProviderStyle = 'microsoft' | 'salesforce' | 'okta' | 'jira' | 'servicenow' | 'generic';

export const OAUTH_CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const OAUTH_CLIENT_SECRET = 'oauth-client-secret-CANARY-7f3a';
export const OAUTH_USER = 'ada';
export const OAUTH_PASSWORD = 'correct-horse';

export interface TokenRequestSeen {
  grantType: string;
  status?: number;
  codeVerifierSent?: boolean;
  refreshToken?: string;
  error?: string;
}

export interface PeerState {
  tokenRequests: TokenRequestSeen[];
  authorizationRequests: Record<string, string>[];
  apiCalls: number;
}

export interface PeerSteering {
  tokenFailure?: { status: number; body: unknown; times: number } | null;
  tokenDelayMs?: number;
  accessTokenTtl?: number;
}

export interface OAuthServerPeer {
  /** https://localhost:<port>: where the provider's hosts point in a config. */
  origin: string;
  issuer: string;
  state(): Promise<PeerState>;
  steer(steering: PeerSteering): Promise<void>;
  /**
   * Plays the user at the consent screen: opens the authorization URL, signs in, and allows
   * (or denies). Returns where the provider sent the browser back (Plugboard's callback).
   */
  consent(authorizationUrl: string, options?: { deny?: boolean; password?: string }): Promise<URL>;
  stop(): Promise<void>;
}

/** The server script: beside this file in the sources, or in the sources when compiled for the bench. */
const SCRIPT = [
  join(__dirname, 'oauth-server', 'oauth-server.mjs'),
  join(__dirname, '..', '..', '..', 'test', 'peers', 'oauth-server', 'oauth-server.mjs'),
].find((path) => existsSync(path)) as string;

/**
 * A real authorization server (oidc-provider) in the style of one provider, in its own
 * process, with refresh-token rotation on and PKCE required.
 */
export async function startOAuthServerPeer(options: {
  style: ProviderStyle;
  tls: Pem;
  ca: string;
  redirectUris: string[];
  clientAuthMethod?: 'client_secret_post' | 'client_secret_basic';
  accessTokenTtl?: number;
  tenant?: string;
}): Promise<OAuthServerPeer> {
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', SCRIPT], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PEER_CONFIG: JSON.stringify({
        style: options.style,
        tls: options.tls,
        tenant: options.tenant,
        password: OAUTH_PASSWORD,
        accessTokenTtl: options.accessTokenTtl,
        client: {
          id: OAUTH_CLIENT_ID,
          secret: OAUTH_CLIENT_SECRET,
          redirectUris: options.redirectUris,
          authMethod: options.clientAuthMethod,
        },
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errorText = '';
  child.stderr?.on('data', (chunk) => {
    errorText += String(chunk);
  });
  const { port, issuer } = await new Promise<{ port: number; issuer: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the OAuth peer exited (${code}): ${errorText}`)));
  });
  const origin = `https://localhost:${port}`;
  const dispatcher = new Agent({ connect: { ca: options.ca } });

  const consent: OAuthServerPeer['consent'] = async (authorizationUrl, { deny = false, password } = {}) => {
    const cookies = new Map<string, string>();
    let url = authorizationUrl;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 20; hop += 1) {
      const answer = await fetch(url, {
        method,
        body,
        redirect: 'manual',
        dispatcher,
        headers: {
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const cookie of answer.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = answer.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== origin) return next;
        url = next.href;
        method = 'GET';
        body = undefined;
        continue;
      }
      const html = await answer.text();
      const action = (name: string) => new RegExp(`action="([^"]+/${name})"`).exec(html)?.[1];
      const login = action('login');
      const choice = action(deny ? 'abort' : 'confirm');
      if (login && !html.includes('Wrong password')) {
        url = new URL(login, origin).href;
        body = new URLSearchParams({ login: OAUTH_USER, password: password ?? OAUTH_PASSWORD }).toString();
      } else if (choice) {
        url = new URL(choice, origin).href;
        body = '';
      } else {
        throw new Error(`the consent walk stopped at ${answer.status}: ${html.slice(0, 300)}`);
      }
      method = 'POST';
    }
    throw new Error('the consent walk did not come back');
  };

  const control = async (init?: { method: string; body: string }) => {
    const answer = await fetch(`${origin}/__peer/state`, { ...init, dispatcher });
    return (await answer.json()) as PeerState;
  };

  return {
    origin,
    issuer,
    state: () => control(),
    steer: async (steering) => {
      await control({ method: 'POST', body: JSON.stringify(steering) });
    },
    consent,
    stop: async () => {
      await dispatcher.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
    },
  };
}
