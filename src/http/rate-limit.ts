import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import { RequestErrorCode } from '../graphql/request-error-codes';

/**
 * Requests per minute per caller: an API key's actor, or the client address for anonymous
 * callers. Past the limit: 429 with Retry-After. Per replica, in memory.
 */
export class RequestRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async take(principal: Principal | undefined, address: string): Promise<void> {
    const key = principal ? `${principal.tenantId}/${principal.actor}` : `ip:${address}`;
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(`Too many requests. Try again in ${retryAfter} s.`, {
        extensions: {
          code: RequestErrorCode.RATE_LIMITED,
          retryAfterSeconds: retryAfter,
          http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
        },
      });
    }
  }
}
