import { parseArgs } from 'node:util';
import type { Catalogue } from '../catalogue/catalogue';
import { InputError } from '../errors';
import type { Logger } from '../logger';
import { RelayAgent } from '../relay-agent/relay-agent';

export const RELAY_USAGE = `plugboard relay --server <url> [--token <token>] [--allow <host|cidr,…>] [--concurrency <n>]
    The token can also come from PLUGBOARD_RELAY_TOKEN (preferred: arguments show in process lists).`;

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InputError(`${name} must be a whole number of at least 1.`);
  return number;
}

/** Runs the relay agent until SIGTERM/SIGINT; exits 2 when Plugboard refuses its token. */
export interface RelayCommandDeps {
  logger: Logger;
  catalogue: Catalogue;
  /** Reported to Plugboard on connecting: the package's version. */
  agentVersion: string;
}

export async function relayCommand(
  args: string[],
  { logger, catalogue, agentVersion }: RelayCommandDeps,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      allow: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const token = values.token ?? process.env.PLUGBOARD_RELAY_TOKEN;
  if (!values.server || !token) throw new InputError(`--server and a token are required.\n\n${RELAY_USAGE}`);
  const server = new URL(values.server);
  // Tests travel to the agent with their secrets: plain HTTP only to this machine itself.
  if (server.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(server.hostname)) {
    throw new InputError('--server must be an https:// URL (plain http:// is only accepted for localhost).');
  }
  const agent = new RelayAgent({
    server: values.server,
    token,
    allow: (values.allow ?? process.env.PLUGBOARD_RELAY_ALLOW ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    concurrency: positive(values.concurrency, 8, '--concurrency'),
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
