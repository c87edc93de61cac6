import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Services } from '../graphql/services';
import type { Logger } from '../logger';
import type { CallbackOutcome } from '../oauth/oauth-authorization.service';
import type { RequestRateLimit } from './rate-limit';

export const OAUTH_CALLBACK_PATH = '/oauth/callback';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A page that says how the consent ended; no script, nothing from the query echoed but our words. */
function page(outcome: CallbackOutcome): string {
  const hint = outcome.hint ? `<p>${escapeHtml(outcome.hint)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(outcome.title)} · Plugboard</title></head>
<body><main><h1>${escapeHtml(outcome.title)}</h1><p role="${outcome.ok ? 'status' : 'alert'}">${escapeHtml(outcome.message)}</p>${hint}</main></body></html>`;
}

/**
 * Where providers send the browser back after consent: `GET /oauth/callback?code&state` (or
 * `error`). Anonymous, as a browser coming back carries no API key: the single-use state is
 * what binds it to the caller who started. Answers a page, or redirects to the UI's return URL.
 * Rate-limited per client address like any anonymous request.
 */
export function registerOAuthCallback(
  fastify: FastifyInstance,
  services: Services,
  rateLimit: RequestRateLimit | undefined,
  logger: Logger,
): void {
  fastify.get<{ Querystring: Record<string, unknown> }>(OAUTH_CALLBACK_PATH, async (request, reply) => {
    try {
      await rateLimit?.take(undefined, request.ip);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return reply.code(429).type('text/plain; charset=utf-8').send(error.message);
    }
    let outcome: CallbackOutcome;
    try {
      outcome = await services.oauthAuthorizations.complete(request.query ?? {});
    } catch (error) {
      logger.error({ err: error, requestId: request.id }, 'the OAuth callback failed');
      outcome = {
        ok: false,
        status: 500,
        title: 'Not connected',
        message: 'Plugboard could not finish connecting.',
        hint: `Try again shortly. If it keeps failing, give support this request id: ${request.id}.`,
      };
    }
    // The code and state are in this URL: keep it out of the next page's Referer and caches.
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    if (outcome.redirectTo) return reply.redirect(outcome.redirectTo, 303);
    return reply.code(outcome.status).type('text/html; charset=utf-8').send(page(outcome));
  });
}
