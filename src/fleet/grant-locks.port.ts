/**
 * One holder at a time per key, in this process or across replicas: an OAuth grant's refresh
 * runs under its lock, so a rotated refresh token is spent exactly once.
 */
export interface GrantLocks {
  /** Runs `work` while holding the key's lock; waits for the holder before it. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** One process: a queue per key. */
export class LocalGrantLocks implements GrantLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
