import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { tracer } from '../observability/tracing';

declare module 'fastify' {
  interface FastifyRequest {
    span?: Span;
  }
}

/**
 * With tracing on: one server span per request, a child of the caller's W3C trace context,
 * active while the request is served so the GraphQL, store and connection-test spans nest
 * under it. Its ids become the request's trace ids in the access log and `traceresponse`.
 * Register after addAccessLog.
 */
export function addRequestTracing(fastify: FastifyInstance): void {
  fastify.decorateRequest('span', undefined);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'http.route': request.routeOptions.url ?? 'unmatched' },
      },
      parent,
    );
    request.span = span;
    const { traceId, spanId, traceFlags } = span.spanContext();
    request.accessLog.trace = {
      traceId,
      spanId,
      parentSpanId: trace.getSpanContext(parent)?.spanId,
      sampled: (traceFlags & 1) === 1,
    };
    // The rest of the request runs in this span's context (AsyncLocalStorage).
    context.with(trace.setSpan(parent, span), done);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.span?.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) request.span?.setStatus({ code: SpanStatusCode.ERROR });
    request.span?.end();
  });
}
