import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Services } from '../graphql/services';
import type { Logger } from '../logger';
import { type CallbackOutcome, OAUTH_START_PATH } from '../oauth/oauth-authorization.service';
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

const failedOutcome = (requestId: string): CallbackOutcome => ({
  ok: false,
  status: 500,
  title: 'Not connected',
  message: 'Plugboard could not finish connecting.',
  hint: `Try again shortly. If it keeps failing, give support this request id: ${requestId}.`,
});

/** Sends an outcome: its cookie, then a redirect or the page. */
function answer(reply: FastifyReply, outcome: CallbackOutcome) {
  // The code, state and binding are in these URLs: keep them out of the next page's Referer and caches.
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
  if (outcome.cookie) {
    const { name, value, path, secure, maxAgeSeconds } = outcome.cookie;
    // Lax: sent on the provider's top-level redirect back, never on a cross-site subrequest.
    reply.header(
      'set-cookie',
      serializeCookie(name, value, { path, secure, httpOnly: true, sameSite: 'lax', maxAge: maxAgeSeconds }),
    );
  }
  if (outcome.redirectTo) return reply.redirect(outcome.redirectTo, 303);
  return reply.code(outcome.status).type('text/html; charset=utf-8').send(page(outcome));
}

/**
 * The two browser ends of the consent flow, both anonymous (a browser carries no API key):
 * - `GET /oauth/start?state&binding`: the start URL `startOAuthAuthorization` answers. It gives
 *   this browser the flow's binding cookie and sends it on to the provider.
 * - `GET /oauth/callback?code&state` (or `error`): where the provider sends the browser back.
 *   The single-use state binds it to the caller who started, and the binding cookie to the
 *   browser that opened the start URL. Answers a page, or redirects to the UI's return URL.
 * Both are rate-limited per client address like any anonymous request.
 */
export function registerOAuthCallback(
  fastify: FastifyInstance,
  services: Services,
  rateLimit: RequestRateLimit | undefined,
  logger: Logger,
): void {
  const limited = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await rateLimit?.take(undefined, request.ip);
      return false;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      await reply.code(429).type('text/plain; charset=utf-8').send(error.message);
      return true;
    }
  };

  fastify.get<{ Querystring: Record<string, unknown> }>(OAUTH_START_PATH, async (request, reply) => {
    if (await limited(request, reply)) return reply;
    let outcome: CallbackOutcome;
    try {
      outcome = await services.oauthAuthorizations.open(request.query ?? {});
    } catch (error) {
      logger.error({ err: error, requestId: request.id }, 'opening an OAuth consent failed');
      outcome = failedOutcome(request.id);
    }
    return answer(reply, outcome);
  });

  fastify.get<{ Querystring: Record<string, unknown> }>(OAUTH_CALLBACK_PATH, async (request, reply) => {
    if (await limited(request, reply)) return reply;
    let outcome: CallbackOutcome;
    try {
      const cookies = request.headers.cookie ? parseCookies(request.headers.cookie) : {};
      outcome = await services.oauthAuthorizations.complete(request.query ?? {}, cookies);
    } catch (error) {
      logger.error({ err: error, requestId: request.id }, 'the OAuth callback failed');
      outcome = failedOutcome(request.id);
    }
    return answer(reply, outcome);
  });
}
