import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { type GraphQLContext, principalOf } from '../context';
import { localIdOf } from '../global-id';
import { toRelay, toRelayOrNull } from './relay.mapping';
import { RegisterRelayInput, Relay, RelayStatusName, RelayTokenPayload, RevokeRelayPayload } from './relay.type';

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

  @FieldResolver(() => RelayStatusName)
  status(@Root() relay: Relay, @Ctx() context: GraphQLContext): RelayStatusName {
    return RelayStatusName[liveState(relay, context).status];
  }

  @FieldResolver(() => Date, { nullable: true })
  lastSeenAt(@Root() relay: Relay, @Ctx() context: GraphQLContext): Date | null {
    return liveState(relay, context).lastSeenAt;
  }

  @FieldResolver(() => Date, { nullable: true })
  connectedSince(@Root() relay: Relay, @Ctx() context: GraphQLContext): Date | null {
    return liveState(relay, context).connectedSince;
  }

  @FieldResolver(() => String, { nullable: true })
  agentVersion(@Root() relay: Relay, @Ctx() context: GraphQLContext): string | null {
    return liveState(relay, context).agentVersion;
  }

  @FieldResolver(() => String, { nullable: true })
  hostname(@Root() relay: Relay, @Ctx() context: GraphQLContext): string | null {
    return liveState(relay, context).hostname;
  }
}

const liveState = (relay: Relay, context: GraphQLContext) =>
  context.services.relayHub.state(relay.record.tenantId, relay.record.id);
