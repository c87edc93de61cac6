import { GraphQLError } from 'graphql';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import type { RedisConnection } from '../fleet/redis-connection';
import { RequestErrorCode } from '../graphql/request-error-codes';

/**
 * Requests per minute per caller: an API key's actor, or the client address for anonymous
 * callers. Past the limit: 429 with Retry-After. In memory for one process; with Redis, one
 * count across every replica, and this replica's own count while Redis cannot be reached
 * (rate-limiter-flexible's insurance limiter), so an outage never turns every request away.
 */
export class RequestRateLimit {
  private readonly limiter: RateLimiterAbstract;

  constructor(perMinute: number, redis?: RedisConnection) {
    const inMemory = new RateLimiterMemory({ points: perMinute, duration: 60 });
    this.limiter = redis
      ? new RateLimiterRedis({
          storeClient: redis.commands,
          keyPrefix: 'plugboard:rate',
          points: perMinute,
          duration: 60,
          rejectIfRedisNotReady: true,
          insuranceLimiter: inMemory,
        })
      : inMemory;
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
