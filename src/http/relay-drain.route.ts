import type { FastifyInstance } from 'fastify';
import { bearerTokenOf } from '../auth/bearer-token';
import type { Services } from '../graphql/services';
import { AGENT_NAME_PATTERN, RELAY_DRAIN_PATH } from '../relay/relay.protocol';
import { RelayServiceUnavailable } from '../relay/relay-dispatcher';

/**
 * `plugboard relay --drain`: whoever holds a relay's token (its operator) asks one of its agents
 * to finish its running tests and stop, without an API key. Admins do the same with the
 * drainRelayAgent mutation. 401 for a bad token, 404 when no agent has the name, 503 when Redis
 * cannot be reached, 202 otherwise.
 */
export function registerRelayDrain(fastify: FastifyInstance, services: Services): void {
  fastify.post<{ Body: { agent?: unknown } }>(RELAY_DRAIN_PATH, async (request, reply) => {
    const token = bearerTokenOf(request.headers.authorization);
    const relay = token ? await services.relays.verifyToken(token) : undefined;
    if (!relay) return reply.code(401).send({ error: 'The relay token is unknown, rotated or revoked.' });
    const agent = request.body?.agent;
    if (typeof agent !== 'string' || !AGENT_NAME_PATTERN.test(agent)) {
      return reply.code(400).send({ error: 'Name the agent to drain: {"agent": "<its --name>"}.' });
    }
    let draining: boolean;
    try {
      draining = await services.relayBroker.drain(relay.tenantId, relay.id, agent);
    } catch (error) {
      if (!(error instanceof RelayServiceUnavailable)) throw error;
      return reply.code(503).send({ error: error.message });
    }
    if (!draining) return reply.code(404).send({ error: `No agent named "${agent}" is connected for this relay.` });
    return reply.code(202).send({ draining: agent });
  });
}
