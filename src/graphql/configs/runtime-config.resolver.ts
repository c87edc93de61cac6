import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { localIdOf } from '../../global-id';
import type { GrantAccess } from '../../oauth/oauth-grants.service';
import { type GraphQLContext, principalOf } from '../context';

@ObjectType({
  simpleResolvers: true,
  description:
    'A config as the integration runtime reads it: every value, locked ones decrypted. Only the runtime role can read it, and every read is audited.',
})
export class RuntimeConnectorConfig {
  @Field(() => ID, { description: 'The global id of the config.' })
  id!: string;

  @Field({ description: 'The connector key.' })
  connectorType!: string;

  @Field(() => Int, { description: 'The version of the settings shape the values follow.' })
  connectorVersion!: number;

  @Field(() => String, { nullable: true, description: 'The integration key, if any.' })
  integration!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Field name → value, locked fields in plain text.' })
  values!: Record<string, unknown>;

  /** What the runtime read found of the config's grant; shown by the `oauth` field (graphql/oauth/). */
  grantAccess!: GrantAccess | null;
}

@Resolver()
export class RuntimeConfigResolver {
  @Authorized<Permission>('runtime:read')
  @Query(() => RuntimeConnectorConfig, {
    nullable: true,
    description: 'For the integration runtime only: a config with its secrets decrypted. Audited on every call.',
  })
  async connectorRuntimeConfig(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<RuntimeConnectorConfig | null> {
    const localId = localIdOf('ConnectorConfig', id);
    if (!localId) return null;
    const config = await context.services.runtimeConfigs.read(principalOf(context), localId);
    if (!config) return null;
    return {
      id,
      connectorType: config.connectorKey,
      connectorVersion: config.connectorVersion,
      integration: config.integrationKey,
      values: config.values,
      grantAccess: config.oauth,
    };
  }
}
