/**
 * Domain errors: what a caller did wrong or may not do, with a stable code. The GraphQL layer
 * turns them into errors with that code; anything else is masked as an internal error.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request itself is malformed or refers to something that cannot exist. */
export class InputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

/** The thing asked for does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** The write lost a race or contradicts the stored state. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** The caller is not known. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}
