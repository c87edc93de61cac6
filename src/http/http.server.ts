import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import { OidcVerifier } from '../auth/oidc.verifier';
import type { PlugboardConfig } from '../environment';
import type { RedisConnection } from '../fleet/redis-connection';
import { cachePolicyPlugin } from '../graphql/cache-policy.plugin';
import { compiledExecution } from '../graphql/compiled-executor';
import { createContext, type GraphQLContext } from '../graphql/context';
import { createErrorFormatter } from '../graphql/error-masking';
import { internalErrorsPlugin } from '../graphql/internal-errors.plugin';
import { introspectionPolicyPlugin } from '../graphql/introspection-policy.plugin';
import { pageCostPlugin } from '../graphql/page-cost.plugin';
import type { Services } from '../graphql/services';
import { TrustedDocuments } from '../graphql/trusted-documents.manifest';
import { trustedDocumentsPlugin } from '../graphql/trusted-documents.plugin';
import { valueEchoPlugin } from '../graphql/value-echo.plugin';
import type { Logger } from '../logger';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin';
import { graphqlTracingPlugin } from '../observability/graphql-tracing.plugin';
import type { Metrics } from '../observability/metrics';
import { accessLogPlugin, addAccessLog, genRequestId } from './access-log';
import { authenticate } from './authenticate';
import { addConditionalGets } from './etag';
import { assertInputNesting } from './input-nesting';
import { registerOAuthCallback } from './oauth-callback.route';
import { PublicAnswerCache } from './public-answer-cache';
import { publicAnswerPlugin, servePublicAnswers } from './public-answers';
import { RequestRateLimit } from './rate-limit';
import type { Readiness } from './readiness';
import { registerRelayDrain } from './relay-drain.route';
import { addRequestTracing } from './request-tracing';
import { addSecurityHeaders } from './security-headers';
import { serveWebClient, WEB_CLIENT_CSP } from './web-client';

export interface HttpServerDeps {
  config: PlugboardConfig;
  schema: GraphQLSchema;
  logger: Logger;
  services: Services;
  metrics: Metrics;
  /** Whether the store and keys work, for /readyz. */
  readiness: () => Promise<Readiness>;
  /** Shared by the replicas for rate limits; absent on one process. */
  redis?: RedisConnection;
  /**
   * Bench only (bench/hardening.ts): without document limits, rate limits, security headers and
   * the introspection and trusted-documents policies, to measure what they cost. Not reachable
   * from configuration.
   */
  unhardened?: boolean;
}

/** What the GraphQL context carries of the HTTP request, for plugins that answer at the HTTP level. */
interface HttpContext {
  httpRequest: FastifyRequest;
}

/** Limits on one GraphQL document; every operation the UIs use fits well inside them. */
export const MAX_TOKENS = 2000;
/** The standard introspection query nests 21 deep (its ofType chain); nothing deeper is needed. */
export const MAX_DEPTH = 21;
export const MAX_ALIASES = 15;

const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export interface HttpServer {
  fastify: FastifyInstance;
  /** Stops taking requests, lets those in flight finish, then closes every connection. */
  stop(): Promise<void>;
}

/** The HTTP surface: / (the web client), /graphql (GET for queries, POST for everything), /healthz, /readyz, /metrics, /oauth/start and /oauth/callback (the browser's way to a provider's consent and back), and for relay agents /relay (WebSocket) and /relay/drain. */
export async function createHttpServer({
  config,
  schema,
  logger,
  services,
  metrics,
  readiness,
  redis,
  unhardened = false,
}: HttpServerDeps): Promise<HttpServer> {
  const fastify = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // One access-log line per request comes from access-log.ts, on our own logger.
    logger: false,
    // Idle keep-alive connections would otherwise hold a shutdown open until they time out.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    genReqId: genRequestId,
  });
  // Set when shutting down: answers then ask the client to close, because a keep-alive
  // connection that turns idle after the close began would hold the shutdown open until it
  // timed out (forceCloseConnections only closes the connections idle at that moment).
  let closing = false;
  addAccessLog(fastify, logger);
  if (config.tracing) addRequestTracing(fastify);
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ route }, reply.elapsedTime / 1000);
  });
  addConditionalGets(fastify);
  // No inline scripts or frames; HSTS (and upgrading requests) is left to the TLS terminator in front.
  if (!unhardened) addSecurityHeaders(fastify, { hsts: false, contentSecurityPolicy: WEB_CLIENT_CSP });
  if (config.corsOrigins.length) {
    await fastify.register(cors, { origin: config.corsOrigins, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 });
  }
  const rateLimit = new RequestRateLimit(config.rateLimitPerMinute, redis);
  const oidc = config.oidc ? new OidcVerifier(config.oidc) : undefined;
  const trusted = TrustedDocuments.fromFile(config.trustedDocuments.manifestFile);
  const authenticateRequest = (request: FastifyRequest) =>
    authenticate(request.headers.authorization, services.apiKeys, oidc);
  servePublicAnswers(fastify, {
    cache: new PublicAnswerCache(),
    authenticate: authenticateRequest,
    rateLimit: unhardened ? undefined : rateLimit,
    metrics,
  });
  const apollo = new ApolloServer<GraphQLContext>({
    // UIs may send a generated document's hash alone; only the manifest's documents are known.
    persistedQueries: { cache: trusted.persistedQueryCache(), ttl: null },
    // Hostile documents are refused before they cost anything: tokens at parse time (400, where a
    // validation plugin would answer 500), then depth and aliases. The cost limit is one, with
    // the page sizes known whether literal or variable: page-cost.plugin.ts.
    parseOptions: unhardened ? {} : { maxTokens: MAX_TOKENS },
    // Rejections are reported as validation errors (400); thrown, they would become 500s.
    validationRules: unhardened
      ? []
      : [
          maxDepthRule({ n: MAX_DEPTH, ignoreIntrospection: false, ...asValidationError }),
          maxAliasesRule({ n: MAX_ALIASES, ...asValidationError }),
        ],
    gateway: compiledExecution(schema, config.compileAfter),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown; Apollo's own signal handlers would race it and re-send the signal.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(),
    // Answers whose every field is PUBLIC (the catalogue) are kept as bytes: public-answers.ts.
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      publicAnswerPlugin((context) => (context as GraphQLContext & HttpContext).httpRequest),
      cachePolicyPlugin(schema),
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin(metrics, trusted.operationNames),
      accessLogPlugin(trusted.operationNames, (context) => (context as GraphQLContext).accessLog),
      ...(config.tracing ? [graphqlTracingPlugin(trusted.operationNames)] : []),
      internalErrorsPlugin(logger),
      valueEchoPlugin(),
      ...(unhardened
        ? []
        : [
            introspectionPolicyPlugin(config.introspection),
            trustedDocumentsPlugin(config.trustedDocuments.mode, trusted),
            pageCostPlugin(),
          ]),
      // No landing page: it would load scripts from a CDN. Internal tools use schemaSdl or introspection.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  await fastify.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => {
      // Checked and authenticated in front of the pipeline (public-answers.ts), unless that failed:
      // then again here, so the refusal is answered in GraphQL's shape.
      if (!request.caller) assertInputNesting(request.body, request.query);
      const principal = request.caller ? request.caller.principal : await authenticateRequest(request);
      if (!unhardened) await rateLimit.take(principal, request.ip);
      request.accessLog.tenantId = principal?.tenantId;
      const requestLogger = logger.child({
        requestId: request.id,
        traceId: request.accessLog.trace.traceId,
        tenantId: principal?.tenantId,
      });
      return {
        ...createContext(request.id, requestLogger, services, principal),
        accessLog: request.accessLog,
        httpRequest: request,
      };
    },
  });
  await serveWebClient(fastify, config.webDir);
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_request, reply) => {
    const state = await readiness();
    return reply
      .code(state.ready ? 200 : 503)
      .send({ status: state.ready ? 'ready' : 'not ready', checks: state.checks });
  });
  registerRelayDrain(fastify, services);
  registerOAuthCallback(fastify, services, unhardened ? undefined : rateLimit, logger);
  fastify.get('/metrics', async (_request, reply) => {
    metrics.relayAgents.set(services.relayBroker.connectedAgents());
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Apollo's stop runs the drain plugin, which closes fastify: stopping goes through Apollo.
  return {
    fastify,
    stop: () => {
      closing = true;
      return apollo.stop();
    },
  };
}
