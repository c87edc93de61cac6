import CircuitBreaker from 'opossum';

export interface TokenEndpointBreakerOptions {
  /** How long an endpoint that keeps failing is left alone before one trial request. */
  cooldownMs: number;
  /** Whether a failure says the endpoint is in trouble (not the grant or the client). */
  isOutage: (error: unknown) => boolean;
  /** Endpoints remembered at most; the least recently used is forgotten first. */
  maxEndpoints?: number;
}

type Call<T> = () => Promise<T>;

/**
 * One circuit breaker (opossum, the breaker of the nodeshift project) per token endpoint URL.
 * When refreshes to an endpoint keep failing for reasons of its own (5xx, 429, timeouts, after
 * their retries), it opens: for the cooldown, runtime reads serve the current token while it is
 * valid, or say the provider is unavailable, at once, instead of each waiting out the retries
 * and adding load to a provider that is down. Then one trial request decides. Refusals of a
 * grant (invalid_grant) or a client say nothing about the endpoint and are not counted.
 */
export class TokenEndpointBreakers {
  private readonly breakers = new Map<string, CircuitBreaker<[Call<unknown>], unknown>>();

  constructor(private readonly options: TokenEndpointBreakerOptions) {}

  /** Whether a request to this endpoint may go out now: closed, or half-open for its trial. */
  mayCall(tokenUrl: string): boolean {
    return !this.breakers.get(tokenUrl)?.opened;
  }

  /** Runs the call through the endpoint's breaker; rejects with `OpenBreaker` while it is open. */
  async run<T>(tokenUrl: string, call: Call<T>): Promise<T> {
    try {
      return (await this.breakerFor(tokenUrl).fire(call)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw new OpenBreaker(this.options.cooldownMs);
      throw error;
    }
  }

  close(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  private breakerFor(tokenUrl: string): CircuitBreaker<[Call<unknown>], unknown> {
    const known = this.breakers.get(tokenUrl);
    if (known) {
      // Most recently used last, so the first is the one to forget.
      this.breakers.delete(tokenUrl);
      this.breakers.set(tokenUrl, known);
      return known;
    }
    const breaker = new CircuitBreaker((call: Call<unknown>) => call(), {
      // Each request has its own time limit and retries; the breaker only counts outcomes.
      timeout: false,
      resetTimeout: this.options.cooldownMs,
      // Two failed refreshes (each already retried) within a minute, half of those made.
      volumeThreshold: 2,
      errorThresholdPercentage: 50,
      rollingCountTimeout: 60_000,
      rollingCountBuckets: 6,
      // opossum's errorFilter: true means "not a failure of the endpoint".
      errorFilter: (error: unknown) => !this.options.isOutage(error),
    });
    this.breakers.set(tokenUrl, breaker);
    if (this.breakers.size > (this.options.maxEndpoints ?? 1000)) {
      const [oldest, forgotten] = this.breakers.entries().next().value as [string, CircuitBreaker];
      forgotten.shutdown();
      this.breakers.delete(oldest);
    }
    return breaker;
  }
}

/** The endpoint's breaker is open: no request went out. */
export class OpenBreaker extends Error {
  constructor(readonly cooldownMs: number) {
    super('the token endpoint is resting after repeated failures');
  }
}
