import { ConflictError, DomainError } from '../errors';

/** A write named a version that is no longer the stored one. */
export class VersionConflictError extends ConflictError {
  constructor(readonly currentVersion: number) {
    super(`The document changed since it was read; it is now at version ${currentVersion}.`, { currentVersion });
  }
}

/** The database cannot answer now: throttled, unavailable, or unreachable. */
export class StoreUnavailableError extends DomainError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, retryAfterSeconds?: number) {
    super(message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
}
