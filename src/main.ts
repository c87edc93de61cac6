#!/usr/bin/env node
import './runtime-mode';
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { startApp } from './app';
import { defaultCatalogue } from './catalogue/default-catalogue';
import { KEK_USAGE, kekCommand } from './cli/kek.command';
import { KEYS_USAGE, keysCommand } from './cli/keys.command';
import { RELAY_USAGE, relayCommand } from './cli/relay.command';
import { loadConfig } from './environment';
import { buildPlugboardSchema } from './graphql/schema.builder';
import { createLogger } from './logger';

/** The version relay agents report; the package's own. */
const AGENT_VERSION: string = require('../../package.json').version;

const USAGE = `Usage: plugboard <command>

Commands:
  serve                 Serve the GraphQL API (the default)
  keys …                Create, list and revoke API keys:
${indent(KEYS_USAGE)}
  kek …                 Rotate key-encryption keys:
${indent(KEK_USAGE)}
  relay …               Run a relay agent inside a private network:
${indent(RELAY_USAGE)}
  schema print          Print the schema SDL, with form-metadata directives
  schema emit [FILE]    Write the SDL to FILE (default schema/schema.graphql)`;

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const catalogue = defaultCatalogue();
  const logger = createLogger(config.logLevel, { lockedFieldNames: catalogue.lockedFieldNames() });
  const app = await startApp(config, logger, { catalogue });
  logger.info(
    { url: `${app.url}/graphql`, webClient: `${app.url}/` },
    `Plugboard listening on ${app.url}/graphql (web client at ${app.url}/)`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('requests still in flight after the grace period; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    app.stop().then(
      () => logger.info('stopped'),
      (error) => {
        logger.error({ err: error }, 'error while stopping');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function schema(args: string[]): Promise<void> {
  const { sdl } = await buildPlugboardSchema(defaultCatalogue());
  const [action, file = 'schema/schema.graphql'] = args;
  if (action === 'print') process.stdout.write(sdl);
  else if (action === 'emit') await writeFile(file, sdl);
  else throw new Error(USAGE);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'serve') return serve();
  if (command === 'schema') return schema(rest);
  if (command === 'relay') {
    const config = loadConfig();
    const catalogue = defaultCatalogue();
    const logger = createLogger(config.logLevel, { lockedFieldNames: catalogue.lockedFieldNames() });
    return relayCommand(rest, { logger, catalogue, agentVersion: AGENT_VERSION });
  }
  if (command === 'keys' || command === 'kek') {
    const config = loadConfig();
    // Commands talk to people on stderr; only warnings and worse go to the log.
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    return command === 'keys' ? keysCommand(rest, config, logger) : kekCommand(rest, config, logger);
  }
  if (command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
