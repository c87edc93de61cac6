/**
 * A relay field holds the id the relay picker shows: the relay's global GraphQL id. Stored
 * relays are keyed by their local id. Accepts either.
 */
export function localRelayId(value: string): string {
  if (/^[0-9a-f]{32}$/.test(value)) return value;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  return decoded.startsWith('Relay:') ? decoded.slice('Relay:'.length) : value;
}
