import pino, { type Logger } from 'pino';
import { defaultCatalogue } from './catalogue/default-catalogue';
import { redactSecrets } from './log-redaction';

export type { Logger };

/** Every locked field name of the catalogue, whatever its connector. */
function catalogueLockedNames(): Set<string> {
  return new Set(
    defaultCatalogue()
      .connectors()
      .flatMap((connector) => connector.fields.filter((field) => field.locked).map((field) => field.name)),
  );
}

/**
 * Structured JSON logs on stdout. Authorization headers never reach a log line, nor does any
 * value under a locked or secret-looking field name (log-redaction.ts).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const lockedNames = catalogueLockedNames();
  return pino(
    {
      level,
      base: { service: 'plugboard' },
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
      formatters: { log: (object) => redactSecrets(object, lockedNames) as Record<string, unknown> },
    },
    destination,
  );
}
