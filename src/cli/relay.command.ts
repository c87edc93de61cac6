import type { Catalogue } from '../catalogue/catalogue';
import { InputError } from '../errors';
import type { Logger } from '../logger';
import { RelayAgent } from '../relay-agent/relay-agent';

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InputError(`${name} must be a whole number of at least 1; it is "${value}".`);
  return number;
}

export interface RelayCommandDeps {
  logger: Logger;
  catalogue: Catalogue;
  /** Reported to Plugboard on connecting: the package's version. */
  agentVersion: string;
}

export interface RelayOptions {
  server: URL;
  token?: string;
  allow: string[];
  concurrency: number;
}

/** Runs the relay agent until SIGTERM/SIGINT; exits 2 when Plugboard refuses its token. */
export async function relayCommand(
  options: RelayOptions,
  { logger, catalogue, agentVersion }: RelayCommandDeps,
): Promise<void> {
  if (!options.token) throw new InputError('A relay token is required: set PLUGBOARD_RELAY_TOKEN (or --token).');
  // Tests travel to the agent with their secrets: plain HTTP only to this machine itself.
  if (options.server.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(options.server.hostname)) {
    throw new InputError('--server must be an https:// URL (plain http:// is only accepted for localhost).');
  }
  const agent = new RelayAgent({
    server: options.server.toString(),
    token: options.token,
    allow: options.allow,
    concurrency: options.concurrency,
    backoff: {
      initialMs: positive(process.env.PLUGBOARD_RELAY_BACKOFF_MS, 1000, 'PLUGBOARD_RELAY_BACKOFF_MS'),
      maxMs: positive(process.env.PLUGBOARD_RELAY_BACKOFF_MAX_MS, 60_000, 'PLUGBOARD_RELAY_BACKOFF_MAX_MS'),
    },
    agentVersion,
    logger,
    catalogue,
  });
  process.on('SIGTERM', () => agent.stop());
  process.on('SIGINT', () => agent.stop());
  agent.start();
  process.exitCode = await agent.finished;
}
