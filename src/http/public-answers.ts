import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { Metrics } from '../observability/metrics';
import { assertInputNesting } from './input-nesting';
import { type AnswerRequest, matchesEtag, type PublicAnswerCache } from './public-answer-cache';
import type { RequestRateLimit } from './rate-limit';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, once authenticated ahead of the GraphQL pipeline (absent: not tried yet). */
    caller?: { principal: Principal | undefined };
    /** Set when this request's answer may be kept in the public answer cache under this key. */
    publicAnswerKey?: string;
    /** Set by the GraphQL pipeline when the whole answer was PUBLIC in Apollo's cache policy. */
    publicAnswerCacheable?: boolean;
    /** Served from the cache: the ETag is already known. */
    servedFromCache?: boolean;
  }
}

export interface PublicAnswerDeps {
  cache: PublicAnswerCache;
  authenticate: (request: FastifyRequest) => Promise<Principal | undefined>;
  rateLimit?: RequestRateLimit;
  metrics: Metrics;
}

/** The class of caller an answer is kept for: the rules that apply before execution are per role. */
const callerClassOf = (principal: Principal | undefined) => principal?.role ?? 'anonymous';

/**
 * Serves the catalogue's answers as bytes, in front of the GraphQL pipeline. A request is
 * authenticated and rate limited as always; if the same document, operation and variables were
 * answered before for the same class of caller, and that whole answer was PUBLIC, its bytes go
 * out at once (a GET whose If-None-Match holds the ETag gets 304 before anything is built).
 * Everything else, and every first answer, goes through Apollo; any failure on the way here falls
 * through to it, so errors keep their one shape.
 */
export function servePublicAnswers(fastify: FastifyInstance, deps: PublicAnswerDeps): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || (request.method !== 'GET' && request.method !== 'POST')) return;
    const params = (request.method === 'GET' ? request.query : request.body) as AnswerRequest | undefined;
    if (!params || typeof params !== 'object' || Array.isArray(params)) return;
    let principal: Principal | undefined;
    let key: string | undefined;
    try {
      principal = await deps.authenticate(request);
      const callerClass = callerClassOf(principal);
      // A GET already keyed is known by its address: nothing to parse, walk or hash again.
      key = request.method === 'GET' ? deps.cache.keyOfUrl(request.url, callerClass) : undefined;
      if (!key) {
        // Hostile nesting is refused by the pipeline; keying would walk it here first.
        assertInputNesting(request.body, request.query);
        key = deps.cache.keyOf(params, callerClass);
        if (key && request.method === 'GET') deps.cache.rememberUrl(request.url, callerClass, key);
      }
    } catch {
      return; // the pipeline checks and authenticates again and answers the refusal in GraphQL's shape
    }
    request.caller = { principal };
    if (!key) return;
    request.publicAnswerKey = key;
    const answer = deps.cache.get(key);
    if (!answer) return;
    try {
      await deps.rateLimit?.take(principal, request.ip);
    } catch {
      request.publicAnswerKey = undefined;
      return; // over the limit: the pipeline takes again and answers 429 in its own shape
    }
    request.servedFromCache = true;
    request.accessLog.tenantId = principal?.tenantId;
    request.accessLog.operation = answer.operationName;
    const operation = answer.operationName ?? 'other';
    deps.metrics.graphqlOperations.inc({ operation, outcome: 'ok' });
    deps.metrics.publicAnswersServed.inc({ operation });
    reply.headers(answer.headers);
    if (request.method === 'GET') {
      reply.header('etag', answer.etag);
      if (matchesEtag(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
    }
    return reply.code(200).send(answer.body);
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!request.publicAnswerKey || !request.publicAnswerCacheable || request.servedFromCache) return payload;
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'cache-control']) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    deps.cache.set(request.publicAnswerKey, Buffer.from(payload), headers, request.accessLog.operation);
    return payload;
  });
}

/**
 * Marks an answer cacheable when Apollo's overall policy for it is PUBLIC (every field resolved
 * carried a PUBLIC hint) and it has no errors. Needs the request in the context (`httpRequest`).
 */
export function publicAnswerPlugin(requestOf: (context: unknown) => FastifyRequest | undefined): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, overallCachePolicy, contextValue }) {
          const request = requestOf(contextValue);
          if (!request || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const policy = overallCachePolicy.policyIfCacheable();
          if (policy?.scope === 'PUBLIC') request.publicAnswerCacheable = true;
        },
      };
    },
  };
}
