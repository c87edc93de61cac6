import type { Catalogue } from '../catalogue/catalogue';
import { InputError } from '../errors';
import type { Logger } from '../logger';
import { RELAY_DRAIN_PATH } from '../relay/relay.protocol';
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
  name: string;
  /** Ask the running agent with this name to drain, instead of running one. */
  drain?: boolean;
}

/**
 * Runs the relay agent until SIGTERM/SIGINT (it drains first: running tests finish, no new ones
 * come; a second signal stops at once); exits 2 when Plugboard refuses its token. With --drain,
 * asks the running agent named --name to drain, and exits.
 */
export async function relayCommand(
  options: RelayOptions,
  { logger, catalogue, agentVersion }: RelayCommandDeps,
): Promise<void> {
  if (!options.token) throw new InputError('A relay token is required: set PLUGBOARD_RELAY_TOKEN (or --token).');
  // Tests travel to the agent with their secrets: plain HTTP only to this machine itself.
  if (options.server.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(options.server.hostname)) {
    throw new InputError('--server must be an https:// URL (plain http:// is only accepted for localhost).');
  }
  if (options.drain) return askToDrain(options, logger);
  const agent = new RelayAgent({
    server: options.server.toString(),
    token: options.token,
    allow: options.allow,
    concurrency: options.concurrency,
    name: options.name,
    backoff: {
      initialMs: positive(process.env.PLUGBOARD_RELAY_BACKOFF_MS, 1000, 'PLUGBOARD_RELAY_BACKOFF_MS'),
      maxMs: positive(process.env.PLUGBOARD_RELAY_BACKOFF_MAX_MS, 60_000, 'PLUGBOARD_RELAY_BACKOFF_MAX_MS'),
    },
    agentVersion,
    logger,
    catalogue,
  });
  let signals = 0;
  const onSignal = () => {
    signals += 1;
    if (signals === 1) agent.drain();
    else agent.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  agent.start();
  process.exitCode = await agent.finished;
}

async function askToDrain(options: RelayOptions, logger: Logger): Promise<void> {
  const url = new URL(RELAY_DRAIN_PATH, options.server);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agent: options.name }),
    });
  } catch (error) {
    throw new InputError(`Cannot reach Plugboard at ${options.server.origin}: ${(error as Error).message}`);
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (response.status !== 202) throw new InputError(answer.error ?? `Plugboard answered ${response.status}.`);
  logger.info({ agent: options.name }, 'asked the agent to drain: it finishes its running tests, then stops');
}
