import { FieldResolver, Resolver, Root } from 'type-graphql';
import { RuntimeConnectorConfig } from '../configs/runtime-config.resolver';
import { toRuntimeOAuthAccess } from './oauth-grant.mapping';
import { RuntimeOAuthAccess } from './oauth-grant.type';

@Resolver(() => RuntimeConnectorConfig)
export class RuntimeOAuthResolver {
  @FieldResolver(() => RuntimeOAuthAccess, {
    nullable: true,
    description:
      "With the connector's consent flow chosen: a valid access token, renewed first when it was about to expire, or why there is none. Null for other ways of signing in.",
  })
  oauth(@Root() config: RuntimeConnectorConfig): RuntimeOAuthAccess | null {
    return config.grantAccess && toRuntimeOAuthAccess(config.grantAccess);
  }
}
