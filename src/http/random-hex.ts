import { randomFillSync } from 'node:crypto';

/** Random bytes are drawn this many at a time: one call to the system's generator per 256 ids. */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `bytes` random bytes as hex, from a pool refilled from the system's cryptographic generator
 * (as Node's own randomUUID does): a trace id per request without a system call per request.
 */
export function randomHex(bytes: number): string {
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + bytes);
  used += bytes;
  return hex;
}
