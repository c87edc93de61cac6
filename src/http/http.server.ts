import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { PlugboardConfig } from '../config';
import { createContext, type GraphQLContext } from '../graphql/context';
import { createErrorFormatter } from '../graphql/error-masking';
import type { Services } from '../graphql/services';
import type { Logger } from '../logger';
import { authenticate } from './authenticate';

export interface HttpServerDeps {
  config: PlugboardConfig;
  schema: GraphQLSchema;
  logger: Logger;
  services: Services;
}

/** The HTTP surface: /graphql (GET for queries, POST for everything) and /healthz. */
export interface HttpServer {
  fastify: FastifyInstance;
  /** Stops taking requests, lets those in flight finish, then closes every connection. */
  stop(): Promise<void>;
}

export async function createHttpServer({ config, schema, logger, services }: HttpServerDeps): Promise<HttpServer> {
  const fastify = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // Requests are logged by the GraphQL layer, not once per TCP request here.
    logger: false,
    // Idle keep-alive connections would otherwise hold a shutdown open until they time out.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    genReqId: () => randomUUID(),
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown; Apollo's own signal handlers would race it and re-send the signal.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    // Answers whose every field is cache-hinted (the catalogue) are served from memory.
    plugins: [fastifyApolloDrainPlugin(fastify), responseCachePlugin()],
  });
  await apollo.start();
  await fastify.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) =>
      createContext(
        request.id,
        logger.child({ requestId: request.id }),
        services,
        await authenticate(request.headers.authorization, services.apiKeys),
      ),
  });
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  // Apollo's stop runs the drain plugin, which closes fastify: stopping goes through Apollo.
  return { fastify, stop: () => apollo.stop() };
}
