import { createHash } from 'node:crypto';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

/** Distinct sets of trusted CAs kept; the oldest is dropped past this. */
const KEPT = 64;
const contexts = new Map<string, SecureContext>();

/**
 * One TLS SecureContext per set of trusted CAs and minimum version, shared by every test that
 * trusts the same ones. Without it each TLS connection parses every CA again (with operator
 * CAs, that is Node's ~140 public roots plus theirs): milliseconds of CPU per connection,
 * which a burst of tests turns into event-loop stalls.
 */
export function secureContextFor(
  ca: readonly string[] | undefined,
  minVersion: 'TLSv1.2' | 'TLSv1.3' = 'TLSv1.2',
): SecureContext {
  const key = `${minVersion}\n${ca ? createHash('sha256').update(ca.join('\n')).digest('hex') : 'public roots'}`;
  let context = contexts.get(key);
  if (context) {
    // Most recently used last, so the oldest is the first to go.
    contexts.delete(key);
  } else {
    context = createSecureContext({ ca: ca ? [...ca] : undefined, minVersion });
    if (contexts.size >= KEPT) contexts.delete(contexts.keys().next().value as string);
  }
  contexts.set(key, context);
  return context;
}

/**
 * The public roots plus the operator's extra CAs, or undefined (Node's public roots alone) when
 * there are none. Build it once per client: secureContextFor hashes the whole list on each use.
 */
export function withPublicRoots(extra: readonly string[]): string[] | undefined {
  return extra.length ? [...rootCertificates, ...extra] : undefined;
}
