/**
 * Concurrency slots shared by every replica, for the limits that must hold across them (tests
 * per tenant, per credential). `take` answers a release function, or undefined when the limit
 * is reached; it throws when the shared engine cannot be asked.
 */
export interface SharedTestSlots {
  take(key: string, limit: number): Promise<(() => void) | undefined>;
}
