import { Command, Option } from 'commander';
import { agentNameOption, allowListOption, defaultAgentName, positiveIntegerOption, urlOption } from './option-parsers';
import type { RelayOptions } from './relay.command';

/** What each command does; main.ts wires them to the app. */
export interface CliActions {
  serve(): Promise<void>;
  keysCreate(options: { tenant?: string; role: string; name?: string }): Promise<void>;
  keysList(options: { tenant: string; json?: boolean }): Promise<void>;
  keysRevoke(options: { tenant: string; id: string }): Promise<void>;
  kek(action: 'rotate' | 'rewrap'): Promise<void>;
  relay(options: RelayOptions): Promise<void>;
  schema(action: 'print' | 'emit', file?: string): Promise<void>;
}

/**
 * The `plugboard` command line (commander): every command and sub-command answers `--help`
 * (and does nothing else), the program answers `--version`, and options are checked before
 * anything runs, each error naming the option and what it expects.
 */
export function buildProgram(actions: CliActions, version: string): Command {
  const program = new Command('plugboard')
    .description('The connector-configuration backend: GraphQL API, web client, relay agent and admin commands.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions();

  program
    .command('serve')
    .description('serve the GraphQL API and the web client (the default); settings come from the environment')
    .action(() => actions.serve());

  const keys = program.command('keys').description('create, list and revoke API keys (against the configured store)');
  keys
    .command('create')
    .description('create a key; it is printed once, on stdout')
    .option('--tenant <id>', 'the tenant (omit for platform keys: partner, internal)')
    .requiredOption('--role <role>', 'admin, editor, viewer or runtime; partner or internal for platform keys')
    .option('--name <text>', 'what the key is for')
    .action((options) => actions.keysCreate(options));
  keys
    .command('list')
    .description("list a tenant's keys: a table, or JSON for scripts")
    .requiredOption('--tenant <id>', 'the tenant')
    .option('--json', 'print JSON instead of a table')
    .action((options) => actions.keysList(options));
  keys
    .command('revoke')
    .description('revoke a key; it stops working at once')
    .requiredOption('--tenant <id>', 'the tenant')
    .requiredOption('--id <key id>', 'the key id (the part after the tenant)')
    .action((options) => actions.keysRevoke(options));

  const kek = program.command('kek').description('key-encryption keys');
  kek
    .command('rotate')
    .description('make a new key-encryption key (key file) and re-wrap every data key under it')
    .action(() => actions.kek('rotate'));
  kek
    .command('rewrap')
    .description('re-wrap every data key under the active key (after changing PLUGBOARD_KEK_ACTIVE, or to resume)')
    .action(() => actions.kek('rewrap'));

  program
    .command('relay')
    .description('run a relay agent inside a private network; it connects out to Plugboard')
    .addOption(
      new Option('--server <url>', "Plugboard's address (https://, or http:// to this machine)")
        .argParser(urlOption)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--token <token>', 'the relay token (prefer the variable: arguments show in process lists)').env(
        'PLUGBOARD_RELAY_TOKEN',
      ),
    )
    .addOption(
      new Option('--allow <list>', 'host names, addresses and CIDR ranges tests may reach, comma-separated')
        .env('PLUGBOARD_RELAY_ALLOW')
        .argParser(allowListOption)
        .default([], 'anywhere'),
    )
    .addOption(new Option('--concurrency <n>', 'tests run at once').argParser(positiveIntegerOption).default(8))
    .addOption(
      new Option('--name <name>', "this agent's name within its relay; each host of a relay's group has its own")
        .env('PLUGBOARD_RELAY_AGENT_NAME')
        .argParser(agentNameOption)
        .default(defaultAgentName(), 'the host name'),
    )
    .addOption(
      new Option(
        '--drain',
        'do not run an agent: ask the running agent named --name to finish its tests and stop, then exit',
      ),
    )
    .action((options) => actions.relay(options));

  const schema = program.command('schema').description('the schema SDL, with form-metadata directives');
  schema
    .command('print')
    .description('print the SDL')
    .action(() => actions.schema('print'));
  schema
    .command('emit')
    .description('write the SDL to a file')
    .argument('[file]', 'where to write it', 'schema/schema.graphql')
    .action((file: string) => actions.schema('emit', file));

  return program;
}
