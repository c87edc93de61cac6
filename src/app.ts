import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { AuditLog } from './audit/audit-log';
import { ApiKeyService } from './auth/api-key.service';
import { bootstrapAdminKey } from './auth/bootstrap';
import type { Catalogue } from './catalogue/catalogue';
import { defaultCatalogue } from './catalogue/default-catalogue';
import { ConfigService } from './configs/config.service';
import { RuntimeConfigService } from './configs/runtime-config.service';
import { TestLimiter } from './connection-test/connection-test.limiter';
import { ConnectionTestRunner } from './connection-test/connection-test.runner';
import { ConnectionTestService } from './connection-test/connection-test.service';
import { OutboundGuard } from './connection-test/outbound-guard';
import type { PlugboardConfig } from './environment';
import { openFleet } from './fleet/open-fleet';
import { toGlobalId } from './global-id';
import { buildPlugboardSchema } from './graphql/schema.builder';
import type { Services } from './graphql/services';
import { HealthChecks } from './health/health-checks.service';
import { HealthScheduler } from './health/health-scheduler';
import { createHttpServer } from './http/http.server';
import { checkListenHost, listenFailure } from './http/listen-failure';
import { checkReadiness } from './http/readiness';
import type { Logger } from './logger';
import { IdleGrantRefresher } from './oauth/idle-grant-refresher';
import { OAuthAuthorizations } from './oauth/oauth-authorization.service';
import { OAuthGrants } from './oauth/oauth-grants.service';
import { TokenEndpoint } from './oauth/token-endpoint';
import { Metrics } from './observability/metrics';
import { RedisRelayJobs } from './relay/redis-relay-jobs';
import { RelayService } from './relay/relay.service';
import { RelayDispatcher } from './relay/relay-dispatcher';
import { RelayHub } from './relay/relay-hub';
import { openKeys } from './secrets/open-keys';
import { SecretCipher } from './secrets/secret-cipher';
import { meteredStore } from './store/metered.store';
import { openStore } from './store/open-store';
import type { Store } from './store/store.port';
import { DeliveryRetention } from './webhooks/delivery-retention';
import { WebhookDeliverer } from './webhooks/webhook-deliverer';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import { WebhookService } from './webhooks/webhooks.service';

export interface RunningApp {
  /** Where /graphql and the other routes are served, such as http://127.0.0.1:4000. */
  url: string;
  services: Services;
  stop(): Promise<void>;
}

export interface AppOverrides {
  /** A store to use instead of the configured one (tests wrap it to count calls). */
  store?: Store;
  /** Bench only: the HTTP surface without its hardening (see HttpServerDeps.unhardened). */
  unhardened?: boolean;
  /**
   * The connectors and integrations to serve; the shipped ones when absent. The caller builds it
   * so the logger it passes redacts the same locked fields (tests add connectors of their own).
   */
  catalogue?: Catalogue;
}

/** The composition root: config → store → secrets → catalogue → schema → http. */
export async function startApp(
  config: PlugboardConfig,
  logger: Logger,
  overrides: AppOverrides = {},
): Promise<RunningApp> {
  await checkListenHost(config.host);
  const metrics = new Metrics();
  const opened =
    overrides.store ??
    (await openStore(config, logger, (operation, units) => metrics.storeRequestUnits.inc({ operation }, units)));
  const store = meteredStore(opened, (operation) => metrics.storeCalls.inc({ operation }));
  const keys = await openKeys(config, store);
  const catalogue = overrides.catalogue ?? defaultCatalogue();
  const audit = new AuditLog(store);
  const cipher = new SecretCipher(store, keys);
  const fleet = await openFleet(config, logger);
  const relays = new RelayService(store, (tenantId, relayId) => void broker.disconnect(tenantId, relayId));
  const relayOptions = { ...config.relays, replicaId: fleet.replicaId };
  const hub = new RelayHub(relays, fleet.agents, fleet.events, logger, relayOptions);
  const remoteJobs = fleet.redis
    ? await RedisRelayJobs.open(fleet.redis, hub, fleet.agents, cipher, relayOptions, logger)
    : undefined;
  const broker = new RelayDispatcher(hub, fleet.agents, remoteJobs, fleet.events, relayOptions, logger);
  const apiKeys = new ApiKeyService(store, (tenantId, keyId) => {
    void fleet.events.publish({ type: 'api-key-revoked', tenantId, keyId });
  });
  fleet.events.subscribe((event) => {
    if (event.type === 'api-key-revoked') apiKeys.forget(event.tenantId, event.keyId);
    else if (event.type === 'events-missed') apiKeys.forgetAll();
  });
  const outbound = new OutboundGuard(config.connectionTests.allowedCidrs);
  const tokenEndpoint = new TokenEndpoint({
    destinations: outbound,
    extraCaCertificates: config.connectionTests.extraCaCertificates,
    cooldownMs: config.oauth.providerCooldownSeconds * 1000,
  });
  const webhooks = new WebhookService(store, cipher, outbound);
  const deliverer = new WebhookDeliverer(store, webhooks, logger, {
    destinations: outbound,
    extraCaCertificates: config.connectionTests.extraCaCertificates,
    retryDelaysMs: config.webhooks.retrySeconds.map((seconds) => seconds * 1000),
    tickMs: 1000,
    claimMs: 60_000,
    timeoutMs: 10_000,
    onAttempt: (outcome) => metrics.webhookDeliveries.inc({ outcome }),
  });
  const deliveryRetention = new DeliveryRetention(store, logger, {
    retentionMs: config.webhooks.retentionDays * 86_400_000,
    intervalMs: 3_600_000,
    batchSize: 500,
  });
  // Queued events are sent at once; the deliverer's own pass picks up retries and leftovers.
  const outbox = new WebhookOutbox(store, () => void deliverer.runOnce());
  const oauthGrants = new OAuthGrants(store, catalogue, cipher, tokenEndpoint, fleet.grantLocks, logger, {
    refreshMarginSeconds: config.oauth.refreshMarginSeconds,
    // Longer than a refresh with its retries and the grant lock's life: a mark this old is a crash.
    interruptedAfterMs: 120_000,
    writeRetryDelaysMs: [100, 300, 1000, 3000],
    onRefreshFailed: (config, error) =>
      outbox.publish([
        {
          id: uuidv7(),
          type: 'oauth.refresh_failed',
          time: new Date().toISOString(),
          tenantId: config.tenantId,
          configId: toGlobalId('ConnectorConfig', config.id),
          field: error.field ?? null,
          code: error.code,
        },
      ]),
  });
  // Known once listening (the port may be chosen by the system).
  let listeningUrl = '';
  const oauthAuthorizations = new OAuthAuthorizations(store, catalogue, cipher, oauthGrants, tokenEndpoint, logger, {
    publicUrl: () => config.publicUrl ?? listeningUrl,
    returnOrigins: config.corsOrigins,
    stateTtlMs: 10 * 60_000,
    browserBinding: config.oauth.browserBinding,
  });
  const idleRefresher = new IdleGrantRefresher(store, oauthGrants, logger, {
    idleDays: config.oauth.refreshIdleDays,
    intervalMs: config.oauth.idleCheckIntervalSeconds * 1000,
  });
  const runtimeConfigs = new RuntimeConfigService(store, cipher, audit, oauthGrants);
  const connectionTests = new ConnectionTestService(
    store,
    catalogue,
    new ConnectionTestRunner(
      catalogue,
      outbound,
      new TestLimiter(
        {
          perTenant: config.connectionTests.perTenant,
          perCredential: config.connectionTests.perCredential,
          perReplica: config.connectionTests.perReplica,
        },
        fleet.testSlots,
        logger,
      ),
      { extraCaCertificates: config.connectionTests.extraCaCertificates },
      logger,
    ),
    broker,
    logger,
    metrics,
    oauthGrants,
  );
  const healthChecks = new HealthChecks(store, catalogue, runtimeConfigs, connectionTests, outbox, broker, logger, {
    intervalMs: config.health.intervalSeconds * 1000,
    warnDays: config.health.warnDays,
    relayHeartbeatMs: config.relays.heartbeatMs,
    onChecked: (status) => metrics.healthChecks.inc({ status }),
  });
  const services: Services = {
    relays,
    relayBroker: broker,
    relaySettings: { heartbeatMs: config.relays.heartbeatMs },
    catalogue,
    store,
    audit,
    apiKeys,
    configs: new ConfigService(store, catalogue, cipher, audit),
    runtimeConfigs,
    webhooks,
    oauthGrants,
    oauthAuthorizations,
    connectionTests,
    healthChecks,
  };
  const healthScheduler = new HealthScheduler(store, healthChecks, logger, {
    tickMs: config.health.tickSeconds * 1000,
    // Longer than a check with its test's time limit: a claim that lapses means a crash or a refusal.
    claimMs: 120_000,
    batchSize: 20,
    concurrency: config.health.concurrency,
    replicaId: fleet.replicaId,
  });
  await bootstrapAdminKey(
    { bootstrapKey: config.bootstrapAdminKey, dataDir: config.dataDir, createFirstKey: store.kind === 'sqlite' },
    services.apiKeys,
    store,
    logger,
  );
  const { schema } = await buildPlugboardSchema(catalogue);
  const http = await createHttpServer({
    config,
    schema,
    logger,
    services,
    metrics,
    readiness: () => checkReadiness(store, keys, logger, fleet.redis),
    redis: fleet.redis,
    unhardened: overrides.unhardened,
  });
  hub.attach(http.fastify.server);
  try {
    await http.fastify.listen({ host: config.host, port: config.port });
  } catch (error) {
    await hub.close();
    await fleet.close();
    await store.close();
    throw listenFailure(error, config.host, config.port);
  }
  const { address, port, family } = http.fastify.server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  listeningUrl = `http://${address === '0.0.0.0' || address === '::' ? '127.0.0.1' : host}:${port}`;
  idleRefresher.start();
  healthScheduler.start();
  deliverer.start();
  deliveryRetention.start();
  logger.debug(
    { store: store.kind, keys: keys.source, replica: fleet.replicaId, shared: fleet.redis ? 'redis' : 'none' },
    'storage ready',
  );
  return {
    url: `http://${host}:${port}`,
    services,
    stop: async () => {
      // Agents' sockets are upgraded connections: the HTTP drain would wait for them forever.
      await hub.close();
      await idleRefresher.stop();
      tokenEndpoint.close();
      await healthScheduler.stop();
      await deliverer.stop();
      await deliveryRetention.stop();
      await http.stop();
      await fleet.close();
      await store.close();
    },
  };
}
