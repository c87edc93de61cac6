import type { Principal } from '../auth/principal';
import { UnauthenticatedError } from '../errors';
import type { Logger } from '../logger';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from './services';

/** What every resolver of one request sees. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  services: Services;
  /** Undefined for anonymous callers, who may only read the catalogue. */
  principal?: Principal;
  /** Created on first use, once per request. */
  loaders(): Loaders;
  /** Over HTTP: what the request's access-log line notes (its GraphQL operation). */
  accessLog?: { operation?: string };
}

export function createContext(
  requestId: string,
  logger: Logger,
  services: Services,
  principal: Principal | undefined,
): GraphQLContext {
  let loaders: Loaders | undefined;
  return {
    requestId,
    logger,
    services,
    principal,
    loaders: () => {
      if (!principal) throw new UnauthenticatedError('Sign in with an API key.');
      loaders ??= createLoaders(services, principal);
      return loaders;
    },
  };
}

/** The caller, who must be signed in; resolvers behind @Authorized use this. */
export function principalOf(context: GraphQLContext): Principal {
  if (!context.principal) throw new UnauthenticatedError('Sign in with an API key.');
  return context.principal;
}
