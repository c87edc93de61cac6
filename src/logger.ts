import pino, { type Logger } from 'pino';
import { redactSecrets } from './log-redaction';

export type { Logger };

export interface LoggerOptions {
  /** Where lines go; stdout when absent. */
  destination?: pino.DestinationStream;
  /**
   * The locked field names of the catalogue this process serves, redacted wherever they appear
   * (secret-looking names are redacted whatever this says). The composition root passes them,
   * so connectors added at startup are covered and the logger loads no connector code.
   */
  lockedFieldNames?: Iterable<string>;
}

/**
 * Structured JSON logs on stdout. Authorization headers never reach a log line, nor does any
 * value under a locked or secret-looking field name (log-redaction.ts).
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const lockedNames: ReadonlySet<string> = new Set(options.lockedFieldNames ?? []);
  return pino(
    {
      level,
      base: { service: 'plugboard' },
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
      formatters: { log: (object) => redactSecrets(object, lockedNames) as Record<string, unknown> },
    },
    options.destination,
  );
}
