import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The reference web client's policy: its own scripts, styles and API only. Nothing inline, no
 * CDN, no frames; Preact sets styles through the DOM, which `style-src 'self'` allows.
 */
export const WEB_CLIENT_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Serves the built client (dist/web, written by `npm run build`) at `/`. Only the files present
 * at startup are routed, so nothing else under the directory is reachable and API routes keep
 * precedence. Without a build, `/` says how to make one rather than answering a bare 404.
 */
export async function serveWebClient(fastify: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(join(webDir, 'index.html'))) {
    fastify.get('/', async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The web client is not built in ${webDir}. Run \`npm run build\`, then restart.\n`),
    );
    return;
  }
  await fastify.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    // Revalidated on every load (ETag), so a rebuilt client is picked up at once.
    cacheControl: true,
    maxAge: 0,
  });
}
