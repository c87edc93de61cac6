import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const CHROMIUM = process.env.PLUGBOARD_CHROMIUM || '/usr/bin/chromium';

/**
 * Flags from the machine notes (/work/.library/env/machines/node.md): headless, no sandbox as
 * root (the CI user), and Chromium's own background traffic off — this network refuses it, and
 * the refusals slow every start.
 */
const FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export interface TestBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export interface BrowserOptions {
  /**
   * Base64 SHA-256 hashes of the public keys of test HTTPS servers the browser visits (a local
   * provider's consent pages): trusted exactly, where ignoring certificate errors would trust all.
   */
  trustedKeys?: string[];
}

/** A fresh browser with an empty profile of its own, so no run sees another's session storage. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'plugboard-chromium-'));
  const trusted = options.trustedKeys?.length
    ? [`--ignore-certificate-errors-spki-list=${options.trustedKeys.join(',')}`]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...trusted],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
