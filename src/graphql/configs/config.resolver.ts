import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import type { ConfigWriteResult } from '../../configs/config.service';
import { type ConfigError, ConfigErrorCode, configError } from '../../configs/config-errors';
import { cursorOf } from '../../store/page-cursor';
import type { StoredConfig } from '../../store/store.types';
import { CatalogueViews } from '../catalogue/catalogue.views';
import { ConnectorType } from '../catalogue/connector-type.type';
import { Integration } from '../catalogue/integration.type';
import { type GraphQLContext, principalOf } from '../context';
import { localIdOf, toGlobalId } from '../global-id';
import {
  ConnectorConfigFilter,
  CreateConnectorConfigInput,
  DeleteConnectorConfigInput,
  UpdateConnectorConfigInput,
} from './config.inputs';
import {
  CreateConnectorConfigPayload,
  DeleteConnectorConfigPayload,
  UpdateConnectorConfigPayload,
} from './config.payloads';
import { ConnectorConfig, ConnectorConfigConnection, LastTestResult, LockedFieldState } from './connector-config.type';
import { ConnectorSettings } from './connector-settings.types';
import { pageSize } from './paging.types';
import { Relay } from './relay.type';
import { fromTypedSettings } from './settings-input.mapping';

const READ: Permission = 'configs:read';
const WRITE: Permission = 'configs:write';

/** Both ways of sending values, reconciled: typed settings name their connector. */
function submittedValues(input: {
  connectorType?: string | null;
  values?: Record<string, unknown> | null;
  settings?: CreateConnectorConfigInput['settings'];
}): { connectorKey?: string | null; values?: Record<string, unknown> | null; errors: ConfigError[] } {
  if (!input.settings) return { connectorKey: input.connectorType, values: input.values, errors: [] };
  const typed = fromTypedSettings(input.settings);
  const errors: ConfigError[] = [];
  if (input.values) {
    errors.push(configError('settings', ConfigErrorCode.CONFLICTING_CHANGE, 'Send `values` or `settings`, not both.'));
  }
  if (input.connectorType && input.connectorType !== typed.connectorKey) {
    errors.push(
      configError(
        'connectorType',
        ConfigErrorCode.CONFLICTING_CHANGE,
        `The settings are for "${typed.connectorKey}", not "${input.connectorType}".`,
      ),
    );
  }
  return { connectorKey: typed.connectorKey, values: typed.values, errors };
}

const asPayload = ({ config, errors }: ConfigWriteResult) => ({ config: config as unknown as ConnectorConfig, errors });

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
    return ((await context.loaders().configById.load(localId)) ?? null) as unknown as ConnectorConfig | null;
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
  ): Promise<ConnectorConfigConnection> {
    const page = await context.services.configs.list(
      principalOf(context),
      { connectorKey: filter?.connectorType, integrationKey: filter?.integration, nameContains: filter?.nameContains },
      { first: pageSize(first), after },
    );
    for (const config of page.items) context.loaders().configById.prime(config.id, config);
    const nodes = page.items as unknown as ConnectorConfig[];
    return {
      nodes,
      edges: page.items.map((config, index) => ({ cursor: cursorOf(config), node: nodes[index] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
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
    const { connectorKey, values, errors } = submittedValues(input);
    if (errors.length) return { config: null, errors };
    if (!connectorKey) {
      return {
        config: null,
        errors: [configError('connectorType', ConfigErrorCode.REQUIRED, 'Name the connector, or send typed settings.')],
      };
    }
    return asPayload(
      await context.services.configs.create(principalOf(context), {
        name: input.name,
        connectorKey,
        integrationKey: input.integration,
        values: values ?? {},
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
    const { connectorKey, values, errors } = submittedValues({ values: input.values, settings: input.settings });
    if (input.settings && connectorKey) {
      const [current] = await context.services.configs.getMany(principalOf(context), [localId]);
      if (current && current.connectorKey !== connectorKey) {
        errors.push(
          configError(
            'settings',
            ConfigErrorCode.CONFLICTING_CHANGE,
            `This config is a "${current.connectorKey}" connector.`,
          ),
        );
      }
    }
    if (errors.length) return { config: null, errors };
    return asPayload(
      await context.services.configs.update(principalOf(context), {
        id: localId,
        expectedVersion: input.expectedVersion,
        name: input.name,
        values,
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

  @FieldResolver(() => ID)
  id(@Root() config: StoredConfig): string {
    return toGlobalId('ConnectorConfig', config.id);
  }

  @FieldResolver(() => ConnectorType, { description: 'Its connector, with the form as its integration shows it.' })
  connectorType(@Root() config: StoredConfig): ConnectorType {
    return this.views.connectorType(config.connectorKey, config.integrationKey) as ConnectorType;
  }

  @FieldResolver(() => Integration, { nullable: true, description: 'The integration it belongs to, if any.' })
  integration(@Root() config: StoredConfig): Integration | null {
    return this.views.integrations().find((integration) => integration.key === config.integrationKey) ?? null;
  }

  @FieldResolver(() => ConnectorSettings, {
    description: 'The settings, typed by connector. Locked fields read as SecretState.',
  })
  settings(@Root() config: StoredConfig): Record<string, unknown> {
    const connector = this.views.catalogue.connector(config.connectorKey);
    const settings: Record<string, unknown> = { ...config.values, __typename: connector?.settingsClass.name };
    for (const field of connector?.fields ?? []) {
      if (field.locked) settings[field.name] = lockedState(config, field.name);
    }
    return settings;
  }

  @FieldResolver(() => [LockedFieldState])
  lockedFields(@Root() config: StoredConfig): LockedFieldState[] {
    const connector = this.views.catalogue.connector(config.connectorKey);
    return (connector?.fields ?? [])
      .filter((field) => field.locked)
      .map((field) => ({ field: field.name, ...lockedState(config, field.name) }));
  }

  @FieldResolver(() => Relay, { nullable: true, description: 'The relay its tests run through, if any.' })
  async relay(@Root() config: StoredConfig, @Ctx() context: GraphQLContext): Promise<Relay | null> {
    if (!config.relayId) return null;
    return ((await context.loaders().relayById.load(config.relayId)) ?? null) as unknown as Relay | null;
  }

  @FieldResolver(() => LastTestResult, { nullable: true })
  lastTest(@Root() config: StoredConfig): LastTestResult | null {
    return config.lastTest ? { ...config.lastTest, at: new Date(config.lastTest.at) } : null;
  }

  @FieldResolver(() => Date)
  createdAt(@Root() config: StoredConfig): Date {
    return new Date(config.createdAt);
  }

  @FieldResolver(() => Date)
  updatedAt(@Root() config: StoredConfig): Date {
    return new Date(config.updatedAt);
  }

  @FieldResolver(() => GraphQLJSONObject)
  values(@Root() config: StoredConfig): Record<string, unknown> {
    return config.values;
  }
}

function lockedState(
  config: StoredConfig,
  field: string,
): { isSet: boolean; updatedAt: Date | null; updatedBy: string | null } {
  const stored = config.secrets[field] ?? config.clearedSecrets[field];
  return {
    isSet: field in config.secrets,
    updatedAt: stored ? new Date(stored.updatedAt) : null,
    updatedBy: stored?.updatedBy ?? null,
  };
}
