import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger';
import { operationLabel } from '../observability/metrics';
import { requestIdFrom, type TraceContext, traceContextFrom, traceparentOf } from './request-identity';

/** What one request's access-log line says beyond HTTP: filled in as the request is served. */
export interface AccessLogNotes {
  trace: TraceContext;
  tenantId?: string;
  /** The GraphQL operation: a trusted document's name, `anonymous` or `other` (never caller text). */
  operation?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    accessLog: AccessLogNotes;
  }
}

/** Probes and scrapes: logged at debug, or they would drown the requests people make. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line per request (method, route, status, duration, request id, trace id, tenant,
 * GraphQL operation), with the caller's request id and W3C trace context honoured: the ids
 * are answered in `x-request-id` and `traceresponse`, and carried on every line of the request.
 */
export function addAccessLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.decorateRequest('accessLog', null as unknown as AccessLogNotes);
  fastify.addHook('onRequest', async (request) => {
    request.accessLog = { trace: traceContextFrom(request.headers) };
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('traceresponse', traceparentOf(request.accessLog.trace));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const line = {
      requestId: request.id,
      traceId: request.accessLog.trace.traceId,
      method: request.method,
      route,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      tenantId: request.accessLog.tenantId,
      operation: request.accessLog.operation,
    };
    if (QUIET_ROUTES.has(route)) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}

/** Fastify's request id: the caller's x-request-id when sane, else a new one. */
export const genRequestId = (request: { headers: Parameters<typeof requestIdFrom>[0] }) =>
  requestIdFrom(request.headers);

/** Notes the GraphQL operation of a request for its access-log line. */
export function accessLogPlugin(
  knownOperations: ReadonlySet<string>,
  notesOf: (context: unknown) => { operation?: string } | undefined,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, request, contextValue }) {
          const notes = notesOf(contextValue);
          if (notes) notes.operation = operationLabel(operationName ?? request.operationName, knownOperations);
        },
      };
    },
  };
}
