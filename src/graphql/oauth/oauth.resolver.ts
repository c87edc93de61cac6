import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { localIdOf } from '../../global-id';
import { ConnectorConfig } from '../configs/connector-config.type';
import { type GraphQLContext, principalOf } from '../context';
import { toOAuthGrant } from './oauth-grant.mapping';
import {
  DisconnectOAuthGrantInput,
  OAuthAuthorizationPayload,
  OAuthGrant,
  OAuthGrantPayload,
  StartOAuthAuthorizationInput,
} from './oauth-grant.type';

const WRITE: Permission = 'configs:write';
const configNotFound = [{ field: 'configId', code: 'NOT_FOUND', message: 'No config has this id.' }];

@Resolver(() => ConnectorConfig)
export class OAuthResolver {
  @Authorized(WRITE)
  @Mutation(() => OAuthAuthorizationPayload, {
    description:
      "Starts connecting a saved config through the provider's consent screen (OAuth 2.0 authorization code with PKCE). Open `startUrl` in the browser (or `authorizationUrl`, unbound to the browser); the provider sends it back to Plugboard's /oauth/callback, which stores the grant. The flow works once, for ten minutes.",
  })
  async startOAuthAuthorization(
    @Arg('input', () => StartOAuthAuthorizationInput) input: StartOAuthAuthorizationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<OAuthAuthorizationPayload> {
    const configId = localIdOf('ConnectorConfig', input.configId);
    if (!configId) return { authorizationUrl: null, startUrl: null, state: null, errors: configNotFound };
    return context.services.oauthAuthorizations.start(principalOf(context), configId, input.field, input.returnUrl);
  }

  @Authorized(WRITE)
  @Mutation(() => OAuthGrantPayload, {
    description:
      "Forgets a config's grant: its tokens are deleted and the runtime gets none until someone connects again.",
  })
  async disconnectOAuthGrant(
    @Arg('input', () => DisconnectOAuthGrantInput) input: DisconnectOAuthGrantInput,
    @Ctx() context: GraphQLContext,
  ): Promise<OAuthGrantPayload> {
    const configId = localIdOf('ConnectorConfig', input.configId);
    const config = configId ? await context.loaders().configById.load(configId) : undefined;
    if (!config) return { grant: null, errors: configNotFound };
    const grant = await context.services.oauthGrants.disconnect(config);
    if (!grant)
      return {
        grant: null,
        errors: [{ field: 'configId', code: 'NOT_CONNECTED', message: 'This config has no grant.' }],
      };
    return { grant: toOAuthGrant(grant), errors: [] };
  }

  @FieldResolver(() => OAuthGrant, {
    nullable: true,
    description:
      "Its delegated access through the provider's consent screen, when its connector offers one (`ConnectorType.oauth`); null otherwise. Never a token.",
  })
  oauthGrant(
    @Root() { record }: ConnectorConfig,
    @Ctx() context: GraphQLContext,
  ): OAuthGrant | null | Promise<OAuthGrant> {
    // Synchronous for connectors without a consent flow: a list of them makes no promise per row.
    if (!context.services.catalogue.connector(record.connectorKey)?.authorizationCode) return null;
    return context.loaders().grantByConfigId.load(record.id).then(toOAuthGrant);
  }
}
