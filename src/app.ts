import type { AddressInfo } from 'node:net';
import { defaultCatalogue } from './catalogue/default-catalogue';
import type { PlugboardConfig } from './config';
import { buildPlugboardSchema } from './graphql/schema.builder';
import { createHttpServer } from './http/http.server';
import type { Logger } from './logger';

export interface RunningApp {
  /** Where /graphql and the other routes are served, such as http://127.0.0.1:4000. */
  url: string;
  stop(): Promise<void>;
}

/** The composition root: config → catalogue → schema → http. */
export async function startApp(config: PlugboardConfig, logger: Logger): Promise<RunningApp> {
  const catalogue = defaultCatalogue();
  const { schema } = await buildPlugboardSchema(catalogue);
  const http = await createHttpServer({ config, schema, logger });
  await http.fastify.listen({ host: config.host, port: config.port });
  const { address, port, family } = http.fastify.server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    stop: () => http.stop(),
  };
}
