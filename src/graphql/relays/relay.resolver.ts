import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { localIdOf } from '../../global-id';
import { RelayServiceUnavailable } from '../../relay/relay-dispatcher';
import { type GraphQLContext, principalOf } from '../context';
import { toRelay, toRelayAgent, toRelayOrNull } from './relay.mapping';
import {
  DrainRelayAgentInput,
  DrainRelayAgentPayload,
  RegisterRelayInput,
  Relay,
  RelayAgent,
  RelayStatusName,
  RelayTokenPayload,
  RevokeRelayPayload,
} from './relay.type';

const READ: Permission = 'configs:read';
const ADMIN: Permission = 'admin';
const notFound = [{ field: 'id', code: 'NOT_FOUND', message: 'No relay of yours has this id.' }];

@Resolver(() => Relay)
export class RelayResolver {
  @Authorized(READ)
  @Query(() => [Relay], { description: "Your tenant's relays, with their agents' live status." })
  async relays(@Ctx() context: GraphQLContext): Promise<Relay[]> {
    return (await context.services.relays.list(principalOf(context))).map(toRelay);
  }

  @Authorized(READ)
  @Query(() => Relay, { nullable: true, description: 'One of your relays; null when there is none with this id.' })
  async relay(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Relay | null> {
    const localId = localIdOf('Relay', id);
    return localId ? toRelayOrNull(await context.services.relays.get(principalOf(context), localId)) : null;
  }

  @Authorized(ADMIN)
  @Mutation(() => RelayTokenPayload, {
    description: 'Registers a relay. Its agent token is in the answer, once. Admins only.',
  })
  async registerRelay(
    @Arg('input', () => RegisterRelayInput) input: RegisterRelayInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RelayTokenPayload> {
    const name = input.name.trim();
    if (!name || name.length > 200) {
      return {
        relay: null,
        token: null,
        errors: [{ field: 'name', code: 'REQUIRED', message: 'Name the relay in 1 to 200 characters.' }],
      };
    }
    const { relay, token } = await context.services.relays.register(principalOf(context), name);
    return { relay: toRelayOrNull(relay), token, errors: [] };
  }

  @Authorized(ADMIN)
  @Mutation(() => RelayTokenPayload, {
    description: 'Gives a relay a new agent token; the old one stops working and its agent is disconnected.',
  })
  async rotateRelayToken(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<RelayTokenPayload> {
    const localId = localIdOf('Relay', id);
    const issued = localId ? await context.services.relays.rotateToken(principalOf(context), localId) : undefined;
    if (!issued) return { relay: null, token: null, errors: notFound };
    return { relay: toRelayOrNull(issued.relay), token: issued.token, errors: [] };
  }

  @Authorized(ADMIN)
  @Mutation(() => RevokeRelayPayload, {
    description: 'Revokes a relay: its agent is disconnected at once and cannot connect again.',
  })
  async revokeRelay(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<RevokeRelayPayload> {
    const localId = localIdOf('Relay', id);
    const relay = localId ? await context.services.relays.revoke(principalOf(context), localId) : undefined;
    return relay ? { relay: toRelayOrNull(relay), errors: [] } : { relay: null, errors: notFound };
  }

  @Authorized(ADMIN)
  @Mutation(() => DrainRelayAgentPayload, {
    description:
      'Asks one agent of a relay to finish its running tests and stop; no new tests go to it. Its operator does the same with `plugboard relay --drain`. Admins only.',
  })
  async drainRelayAgent(
    @Arg('input', () => DrainRelayAgentInput) input: DrainRelayAgentInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DrainRelayAgentPayload> {
    const principal = principalOf(context);
    const localId = localIdOf('Relay', input.relayId);
    const relay = localId ? await context.services.relays.get(principal, localId) : undefined;
    if (!relay) return { relay: null, errors: [{ ...notFound[0], field: 'relayId' }] };
    let draining: boolean;
    try {
      draining = await context.services.relayBroker.drain(principal.tenantId, relay.id, input.agent);
    } catch (error) {
      if (!(error instanceof RelayServiceUnavailable)) throw error;
      return { relay: null, errors: [{ field: 'agent', code: 'RELAY_SERVICE_UNAVAILABLE', message: error.message }] };
    }
    if (!draining) {
      return {
        relay: null,
        errors: [{ field: 'agent', code: 'NOT_FOUND', message: `No agent named "${input.agent}" is connected.` }],
      };
    }
    return { relay: toRelay(relay), errors: [] };
  }

  @FieldResolver(() => RelayStatusName)
  async status(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<RelayStatusName> {
    return RelayStatusName[(await liveState(relay, context)).status];
  }

  @FieldResolver(() => Date, { nullable: true })
  async lastSeenAt(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<Date | null> {
    return (await liveState(relay, context)).lastSeenAt;
  }

  @FieldResolver(() => Date, { nullable: true })
  async connectedSince(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<Date | null> {
    return (await liveState(relay, context)).connectedSince;
  }

  @FieldResolver(() => String, { nullable: true })
  async agentVersion(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<string | null> {
    return (await liveState(relay, context)).agentVersion;
  }

  @FieldResolver(() => String, { nullable: true })
  async hostname(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<string | null> {
    return (await liveState(relay, context)).hostname;
  }

  @FieldResolver(() => [RelayAgent])
  async agents(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<RelayAgent[]> {
    const { heartbeatMs } = context.services.relaySettings;
    return (await liveState(relay, context)).agents.map((agent) => toRelayAgent(agent, heartbeatMs));
  }

  @FieldResolver(() => Boolean)
  async agentVersionsDiffer(@Root() relay: Relay, @Ctx() context: GraphQLContext): Promise<boolean> {
    return (await liveState(relay, context)).agentVersionsDiffer;
  }
}

/** One read of the relay directory per request, for every relay and field that asks. */
const liveState = (relay: Relay, context: GraphQLContext) => context.loaders().relayState.load(relay.record.id);
