import { ApolloServer } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { PlugboardConfig } from '../config';
import { createErrorFormatter } from '../graphql/error-masking';
import type { Logger } from '../logger';

export interface HttpServerDeps {
  config: PlugboardConfig;
  schema: GraphQLSchema;
  logger: Logger;
}

/** The HTTP surface: /graphql (GET for queries, POST for everything) and /healthz. */
export interface HttpServer {
  fastify: FastifyInstance;
  /** Stops taking requests, lets those in flight finish, then closes every connection. */
  stop(): Promise<void>;
}

export async function createHttpServer({ config, schema, logger }: HttpServerDeps): Promise<HttpServer> {
  const fastify = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // Requests are logged by the GraphQL layer, not once per TCP request here.
    logger: false,
    // Idle keep-alive connections would otherwise hold a shutdown open until they time out.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const apollo = new ApolloServer({
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
  await fastify.register(fastifyApollo(apollo), { path: '/graphql', method: ['GET', 'POST', 'OPTIONS'] });
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  // Apollo's stop runs the drain plugin, which closes fastify: stopping goes through Apollo.
  return { fastify, stop: () => apollo.stop() };
}
