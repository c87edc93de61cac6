#!/usr/bin/env node
import './runtime-mode';
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { startApp } from './app';
import { defaultCatalogue } from './catalogue/default-catalogue';
import { kekCommand } from './cli/kek.command';
import { createKey, listKeys, revokeKey } from './cli/keys.command';
import { buildProgram, type CliActions } from './cli/program';
import { relayCommand } from './cli/relay.command';
import { loadConfig, type PlugboardConfig } from './environment';
import { buildPlugboardSchema } from './graphql/schema.builder';
import { createLogger, type Logger } from './logger';
import { startTracing } from './observability/tracing';

/** The package's version: `--version`, and what relay agents report. */
const VERSION: string = require('../../package.json').version;

async function serve(): Promise<void> {
  const config = loadConfig();
  const stopTracing = await startTracing(config.tracing, VERSION);
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
    app
      .stop()
      // The spans of the last requests are exported before the process ends.
      .then(() => stopTracing?.())
      .then(
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

/** The commands, wired to the app. Settings come from the environment, read only by commands that need them. */
const actions: CliActions = {
  serve,
  keysCreate: (options) => withCommandLogger((config, logger) => createKey(config, logger, options)),
  keysList: (options) => withCommandLogger((config, logger) => listKeys(config, logger, options)),
  keysRevoke: (options) => withCommandLogger((config, logger) => revokeKey(config, logger, options)),
  kek: (action) => withCommandLogger((config, logger) => kekCommand(action, config, logger)),
  relay: (options) => {
    const config = loadConfig();
    const catalogue = defaultCatalogue();
    const logger = createLogger(config.logLevel, { lockedFieldNames: catalogue.lockedFieldNames() });
    return relayCommand(options, { logger, catalogue, agentVersion: VERSION });
  },
  schema: async (action, file = 'schema/schema.graphql') => {
    const { sdl } = await buildPlugboardSchema(defaultCatalogue());
    if (action === 'print') process.stdout.write(sdl);
    else await writeFile(file, sdl);
  },
};

/** Admin commands talk to people on stderr; only warnings and worse go to the log. */
function withCommandLogger(run: (config: PlugboardConfig, logger: Logger) => Promise<void>): Promise<void> {
  const config = loadConfig();
  return run(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
}

// No command at all means serve (`npm start`); anything else must be a command it knows.
const argv = process.argv.length > 2 ? process.argv : [...process.argv, 'serve'];
buildProgram(actions, VERSION)
  .parseAsync(argv)
  .catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
