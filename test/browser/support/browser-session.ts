import type { AppOverrides } from '../../../src/app';
import { startTestServer, type TestServer } from '../../support/test-server';
import { type BrowserOptions, launchBrowser, type TestBrowser } from './browser';
import { type ClientPage, openSignedIn } from './web-client';

export interface BrowserSession {
  server: TestServer;
  browser: TestBrowser;
  /** A page signed in as the `default` tenant's admin. */
  client: ClientPage;
  stop: () => Promise<void>;
}

/** The real server (with `env`), a fresh Chromium, and a page signed in through the sign-in form. */
export async function startBrowserSession(
  env: NodeJS.ProcessEnv = {},
  overrides: AppOverrides = {},
  browserOptions: BrowserOptions = {},
): Promise<BrowserSession> {
  const server = await startTestServer(env, overrides);
  const browser = await launchBrowser(browserOptions);
  const client = await openSignedIn(browser.context, server.url, server.adminKey);
  return {
    server,
    browser,
    client,
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
