import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Permission } from '../auth/principal';
import { fromGlobalId } from '../global-id';
import { Node } from './common/node.interface';
import { toConnectorConfigOrNull } from './configs/connector-config.mapping';
import type { GraphQLContext } from './context';
import { toRelayOrNull } from './relays/relay.mapping';

@Resolver()
export class NodeResolver {
  @Authorized<Permission>('configs:read')
  @Query(() => Node, {
    nullable: true,
    description: 'Any object of your tenant by its global id; null when there is none.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    const loaders = context.loaders();
    if (parsed?.type === 'ConnectorConfig')
      return toConnectorConfigOrNull(await loaders.configById.load(parsed.localId));
    if (parsed?.type === 'Relay') return toRelayOrNull(await loaders.relayById.load(parsed.localId));
    return null;
  }
}
