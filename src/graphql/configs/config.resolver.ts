import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import type { ConfigWriteResult } from '../../configs/config.service';
import { ConfigErrorCode, configError } from '../../configs/config-errors';
import { localIdOf } from '../../global-id';
import { cursorOf } from '../../store/page-cursor';
import { CatalogueViews } from '../catalogue/catalogue.views';
import { ConnectorType } from '../catalogue/connector-type.type';
import { Integration } from '../catalogue/integration.type';
import { pageInfoOf, pageRequestOf } from '../common/paging.type';
import { type GraphQLContext, principalOf } from '../context';
import { toRelayOrNull } from '../relays/relay.mapping';
import { Relay } from '../relays/relay.type';
import {
  ConnectorConfigFilter,
  CreateConnectorConfigInput,
  DeleteConnectorConfigInput,
  UpdateConnectorConfigInput,
} from './config.input';
import {
  CreateConnectorConfigPayload,
  DeleteConnectorConfigPayload,
  UpdateConnectorConfigPayload,
} from './config.payload';
import { secretStateOf, toConnectorConfig, toConnectorConfigOrNull } from './connector-config.mapping';
import { ConnectorConfig, ConnectorConfigConnection, LockedFieldState } from './connector-config.type';
import { connectorSettingsUnion } from './connector-settings.type';

const READ: Permission = 'configs:read';
const WRITE: Permission = 'configs:write';

const asPayload = ({ config, errors }: ConfigWriteResult) => ({
  config: toConnectorConfigOrNull(config ?? undefined),
  errors,
});

@Resolver(() => ConnectorConfig)
export class ConnectorConfigResolver {
  constructor(private readonly views: CatalogueViews) {}

  @Authorized(READ)
  @Query(() => ConnectorConfig, {
    nullable: true,
    description: 'One saved config of your tenant; null when there is none with this id.',
  })
  async connectorConfig(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectorConfig | null> {
    const localId = localIdOf('ConnectorConfig', id);
    if (!localId) return null;
    return toConnectorConfigOrNull(await context.loaders().configById.load(localId));
  }

  @Authorized(READ)
  @Query(() => ConnectorConfigConnection, {
    description: "Your tenant's saved configs, oldest first, a page at a time.",
  })
  async connectorConfigs(
    @Ctx() context: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' }) first?:
      | number
      | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?:
      | string
      | null,
    @Arg('filter', () => ConnectorConfigFilter, { nullable: true }) filter?: ConnectorConfigFilter | null,
    @Arg('last', () => Int, { nullable: true, description: 'Page size, paging backward from `before`: at most 100.' })
    last?: number | null,
    @Arg('before', () => String, { nullable: true, description: 'The startCursor of the next page, with `last`.' })
    before?: string | null,
  ): Promise<ConnectorConfigConnection> {
    const page = await context.services.configs.list(
      principalOf(context),
      { connectorKey: filter?.connectorType, integrationKey: filter?.integration, nameContains: filter?.nameContains },
      pageRequestOf({ first, after, last, before }),
    );
    for (const config of page.items) context.loaders().configById.prime(config.id, config);
    const nodes = page.items.map(toConnectorConfig);
    return {
      nodes,
      edges: page.items.map((config, index) => ({ cursor: cursorOf(config), node: nodes[index] })),
      pageInfo: pageInfoOf(page),
    };
  }

  @Authorized(WRITE)
  @Mutation(() => CreateConnectorConfigPayload, {
    description: 'Saves a new config. Every problem comes back in `errors`, and then nothing is saved.',
  })
  async createConnectorConfig(
    @Arg('input', () => CreateConnectorConfigInput) input: CreateConnectorConfigInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateConnectorConfigPayload> {
    return asPayload(
      await context.services.configs.create(principalOf(context), {
        name: input.name,
        connectorKey: input.connectorType,
        integrationKey: input.integration,
        values: input.values,
        settings: input.settings,
      }),
    );
  }

  @Authorized(WRITE)
  @Mutation(() => UpdateConnectorConfigPayload, {
    description: 'Changes a config at the version you read. Nothing changes when `errors` is not empty.',
  })
  async updateConnectorConfig(
    @Arg('input', () => UpdateConnectorConfigInput) input: UpdateConnectorConfigInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateConnectorConfigPayload> {
    const localId = localIdOf('ConnectorConfig', input.id);
    if (!localId)
      return { config: null, errors: [configError('id', ConfigErrorCode.NOT_FOUND, 'No config has this id.')] };
    return asPayload(
      await context.services.configs.update(principalOf(context), {
        id: localId,
        expectedVersion: input.expectedVersion,
        name: input.name,
        values: input.values,
        settings: input.settings,
        clearLockedFields: input.clearLockedFields,
      }),
    );
  }

  @Authorized(WRITE)
  @Mutation(() => DeleteConnectorConfigPayload, { description: 'Deletes a config at the version you read.' })
  async deleteConnectorConfig(
    @Arg('input', () => DeleteConnectorConfigInput) input: DeleteConnectorConfigInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteConnectorConfigPayload> {
    const localId = localIdOf('ConnectorConfig', input.id);
    if (!localId)
      return { deletedId: null, errors: [configError('id', ConfigErrorCode.NOT_FOUND, 'No config has this id.')] };
    const { errors } = await context.services.configs.delete(principalOf(context), localId, input.expectedVersion);
    return { deletedId: errors.length ? null : input.id, errors };
  }

  @FieldResolver(() => ConnectorType, { description: 'Its connector, with the form as its integration shows it.' })
  connectorType(@Root() config: ConnectorConfig): ConnectorType {
    return this.views.connectorType(config.record.connectorKey, config.record.integrationKey) as ConnectorType;
  }

  @FieldResolver(() => Integration, { nullable: true, description: 'The integration it belongs to, if any.' })
  integration(@Root() config: ConnectorConfig): Integration | null {
    return this.views.integrations().find((integration) => integration.key === config.record.integrationKey) ?? null;
  }

  @FieldResolver(() => connectorSettingsUnion(), {
    description: 'The settings, typed by connector. Locked fields read as SecretState.',
  })
  settings(@Root() { record }: ConnectorConfig): Record<string, unknown> {
    const connector = this.views.catalogue.connector(record.connectorKey);
    const settings: Record<string, unknown> = { ...record.values, __typename: connector?.settingsClass.name };
    for (const field of connector?.fields ?? []) {
      if (field.locked) settings[field.name] = secretStateOf(record, field.name);
    }
    return settings;
  }

  @FieldResolver(() => [LockedFieldState])
  lockedFields(@Root() { record }: ConnectorConfig): LockedFieldState[] {
    const connector = this.views.catalogue.connector(record.connectorKey);
    return (connector?.fields ?? [])
      .filter((field) => field.locked)
      .map((field) => ({ field: field.name, ...secretStateOf(record, field.name) }));
  }

  @FieldResolver(() => Relay, { nullable: true, description: 'The relay its tests run through, if any.' })
  relay(@Root() { record }: ConnectorConfig, @Ctx() context: GraphQLContext): Relay | null | Promise<Relay | null> {
    // Synchronous without a relay: a list of configs without relays makes no promise per row.
    if (!record.relayId) return null;
    return context.loaders().relayById.load(record.relayId).then(toRelayOrNull);
  }
}
