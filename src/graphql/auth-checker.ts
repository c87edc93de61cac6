import type { AuthChecker } from 'type-graphql';
import { may, type Permission } from '../auth/principal';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { GraphQLContext } from './context';

/**
 * `@Authorized('configs:read')` and friends. Anonymous callers are told to sign in; signed-in
 * callers without the permission are told they may not. Throwing our own errors (rather than
 * returning false) keeps their codes through error masking.
 */
export const authChecker: AuthChecker<GraphQLContext, Permission> = ({ context }, permissions) => {
  if (!context.principal) throw new UnauthenticatedError('Sign in with an API key to do this.');
  const { principal } = context;
  if (permissions.length === 0 || permissions.some((permission) => !may(principal, permission))) {
    throw new ForbiddenError(`The ${principal.role} role may not do this.`);
  }
  return true;
};
