import { ApolloServer } from '@apollo/server';
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
export async function createHttpServer({ config, schema, logger }: HttpServerDeps): Promise<FastifyInstance> {
  const fastify = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // Requests are logged by the GraphQL layer, not once per TCP request here.
    logger: false,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const apollo = new ApolloServer({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    plugins: [fastifyApolloDrainPlugin(fastify)],
  });
  await apollo.start();
  await fastify.register(fastifyApollo(apollo), { path: '/graphql', method: ['GET', 'POST', 'OPTIONS'] });
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.addHook('onClose', async () => apollo.stop());
  return fastify;
}
