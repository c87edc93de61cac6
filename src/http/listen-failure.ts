import { lookup } from 'node:dns/promises';
import { InputError } from '../errors';

/**
 * HOST must name an address of this machine. Checked before anything is created (the store, the
 * first admin key), so a typo stops the start with nothing half done.
 */
export async function checkListenHost(host: string): Promise<void> {
  try {
    await lookup(host);
  } catch {
    throw new InputError(
      `HOST must be an address of this machine to listen on, such as 127.0.0.1 or 0.0.0.0 (all); "${host}" does not resolve.`,
    );
  }
}

/** Why the server could not listen, in terms of HOST and PORT; other errors as they are. */
export function listenFailure(error: unknown, host: string, port: number): Error {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new InputError(
      `Cannot listen on ${host}:${port}: the port is in use. Set PORT to a free port (0 picks one), or stop the program using it.`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new InputError(
      `Cannot listen on ${host}: it is not an address of this machine. Set HOST to one of its addresses (127.0.0.1, or 0.0.0.0 for all).`,
    );
  }
  if (code === 'EACCES') {
    return new InputError(
      `Cannot listen on port ${port}: ports below 1024 need privileges. Set PORT to 1024 or above (the default is 4000).`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
