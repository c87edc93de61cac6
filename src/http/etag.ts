import type { FastifyInstance } from 'fastify';
import { etagOf, matchesEtag } from './public-answer-cache';

/**
 * Conditional GETs for publicly cacheable answers (the catalogue): an ETag on every such
 * answer, and 304 Not Modified when the client already holds it. Only answers that Apollo
 * marked `public` qualify, so nothing of a tenant's is ever compared or cached this way.
 * Answers served from the public answer cache carry their ETag already (public-answers.ts).
 */
export function addConditionalGets(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || request.servedFromCache) return payload;
    if (!String(reply.getHeader('cache-control') ?? '').includes('public')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
