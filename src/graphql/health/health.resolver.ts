import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { localIdOf } from '../../global-id';
import { credentialExpiries } from '../../health/credential-expiry';
import { VersionConflictError } from '../../store/store.errors';
import type { HealthRecord, StoredOAuthGrant } from '../../store/store.types';
import { toConnectorConfig } from '../configs/connector-config.mapping';
import { ConnectorConfig } from '../configs/connector-config.type';
import { type GraphQLContext, principalOf } from '../context';
import { RequestErrorCode } from '../request-error-codes';
import {
  ConfigHealth,
  CredentialExpiry,
  type CredentialExpirySource,
  type HealthStatus,
  SetCredentialExpiryInput,
  SetCredentialExpiryPayload,
} from './health.type';

const WRITE: Permission = 'configs:write';
const notFound = [{ field: 'configId', code: 'NOT_FOUND', message: 'No config has this id.' }];
function toHealth(record: HealthRecord | null | undefined): ConfigHealth {
  return {
    status: (record?.status ?? 'UNKNOWN') as HealthStatus,
    checkedAt: record?.checkedAt ?? null,
    issues: record?.issues ?? [],
  };
}

@Resolver(() => ConnectorConfig)
export class HealthResolver {
  @FieldResolver(() => ConfigHealth, {
    description:
      "What health checks found: the integration's own view, checked with the saved values on a schedule (not the Test button, which never uses them).",
  })
  health(@Root() { record }: ConnectorConfig): ConfigHealth {
    return toHealth(record.health);
  }

  @FieldResolver(() => [CredentialExpiry], {
    description:
      'When its credentials expire, soonest first: certificates, the OAuth grant, dates entered for secrets.',
  })
  credentialExpiry(
    @Root() { record }: ConnectorConfig,
    @Ctx() context: GraphQLContext,
  ): CredentialExpiry[] | Promise<CredentialExpiry[]> {
    const { catalogue } = context.services;
    const toExpiries = (grant?: StoredOAuthGrant) =>
      credentialExpiries(record, catalogue, grant).map((expiry) => ({
        field: expiry.field,
        expiresAt: expiry.expiresAt,
        source: expiry.source as CredentialExpirySource,
      }));
    // Synchronous for connectors without a consent flow: a list of them makes no promise per row.
    if (!catalogue.connector(record.connectorKey)?.authorizationCode) return toExpiries();
    return context.loaders().grantByConfigId.load(record.id).then(toExpiries);
  }

  @Authorized(WRITE)
  @Mutation(() => ConnectorConfig, {
    nullable: true,
    description:
      "Checks a config's health now, with its saved values (read as the runtime reads them, and audited), directly or through its relay. Null when no config has this id.",
  })
  async checkConfigHealth(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectorConfig | null> {
    const localId = localIdOf('ConnectorConfig', id);
    const config = localId ? await context.loaders().configById.load(localId) : undefined;
    if (!config) return null;
    const result = await context.services.healthChecks.check(principalOf(context), config);
    if (result.checked) return toConnectorConfig(result.config);
    if (result.reason === 'GONE') return null;
    if (result.reason === 'SUPERSEDED') {
      // Another check (the scheduler's) was recorded while this one ran: its findings stand.
      const [current] = await context.services.store.configs.getMany(config.tenantId, [config.id]);
      return current ? toConnectorConfig(current) : null;
    }
    throw new GraphQLError('The connection-test limits are reached for this tenant or credential. Try again shortly.', {
      extensions: { code: RequestErrorCode.RATE_LIMITED, retryAfterSeconds: 30 },
    });
  }

  @Authorized(WRITE)
  @Mutation(() => SetCredentialExpiryPayload, {
    description:
      "Records when a locked field's credential expires, for secrets whose expiry cannot be read (an API key, a client secret): health checks warn ahead of it.",
  })
  async setCredentialExpiry(
    @Arg('input', () => SetCredentialExpiryInput) input: SetCredentialExpiryInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SetCredentialExpiryPayload> {
    const localId = localIdOf('ConnectorConfig', input.configId);
    const principal = principalOf(context);
    const [config] = localId ? await context.services.store.configs.getMany(principal.tenantId, [localId]) : [];
    if (!config) return { config: null, errors: notFound };
    if (!config.secrets[input.field]) {
      return {
        config: null,
        errors: [{ field: 'field', code: 'NOT_LOCKED', message: 'Name a locked field that holds a value.' }],
      };
    }
    const secretExpiries = { ...config.secretExpiries };
    if (input.expiresAt) secretExpiries[input.field] = input.expiresAt.toISOString();
    else delete secretExpiries[input.field];
    const now = new Date().toISOString();
    const next = { ...config, secretExpiries, version: config.version + 1, updatedAt: now, updatedBy: principal.actor };
    try {
      await context.services.store.configs.replace(next, input.expectedVersion);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      return {
        config: null,
        errors: [
          {
            field: 'expectedVersion',
            code: 'VERSION_CONFLICT',
            message: 'Someone saved this config since you loaded it.',
            currentVersion: error.currentVersion,
          },
        ],
      };
    }
    await context.services.audit.record(principal, 'config.updated', config.id, [input.field]);
    return { config: toConnectorConfig(next), errors: [] };
  }
}
