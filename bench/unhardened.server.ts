/**
 * The Plugboard server without its hardening, for bench/hardening.ts only: same composition,
 * same store and catalogue, minus document limits, rate limits, security headers and the
 * introspection and trusted-documents policies. Prints `{"url": …}` when listening.
 */
import '../src/runtime-mode';
import 'reflect-metadata';
import { startApp } from '../src/app';
import { loadConfig } from '../src/environment';
import { createLogger } from '../src/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config, createLogger(config.logLevel), { unhardened: true });
  process.stdout.write(`${JSON.stringify({ url: `${app.url}/graphql` })}\n`);
  process.once('SIGTERM', () => {
    void app.stop().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
