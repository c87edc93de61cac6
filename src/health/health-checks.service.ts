import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../auth/principal';
import type { Catalogue } from '../catalogue/catalogue';
import type { RuntimeConfigService } from '../configs/runtime-config.service';
import type { ConnectionTestService } from '../connection-test/connection-test.service';
import { TestErrorCode as Code, type TestError } from '../connector-kit';
import { testError } from '../connector-kit/connection-test.failure';
import { ERROR_CATALOGUE } from '../connector-kit/error-catalogue';
import { agentStatus } from '../fleet/agent-snapshot';
import { FormFieldType } from '../forms/form.enums';
import { toGlobalId } from '../global-id';
import type { Logger } from '../logger';
import type { RelayBroker, RelayLiveState } from '../relay/relay-broker.port';
import type { Store } from '../store/store.port';
import type { StoredConfig } from '../store/store.types';
import { credentialExpiries } from './credential-expiry';
import type { EventSink, PlugboardEvent } from './health-events';
import { afterCheck, EXPIRY_CODES, type HealthChange, withExpiry } from './health-record';

const DAY_MS = 86_400_000;

export interface HealthCheckOptions {
  /** How often a config is re-checked; each next check is jittered by ±10 %. */
  intervalMs: number;
  /** Days before an expiry that warn, such as [60, 30, 7]. */
  warnDays: readonly number[];
  /** Relay agents' heartbeat: one silent for three of these has stopped serving its relay. */
  relayHeartbeatMs: number;
  now?: () => number;
  /** Told how each check ended, for the health-check counter. */
  onChecked?: (status: string) => void;
}

/** What one check did: the config as recorded, or why nothing was recorded. */
export type CheckResult =
  | { checked: true; config: StoredConfig }
  | { checked: false; reason: 'GONE' | 'LIMITED' | 'SUPERSEDED' };

/**
 * Health checks: the integration's own view of a saved config. The saved values are read the
 * way the runtime reads them (decrypted, audited as `config.health-check`), the connector's
 * test runs with them (through the config's relay when it has one), and the outcome becomes
 * the config's health: issues opened and resolved, expiry warnings, and events for webhooks.
 * This is not the Test button, which never uses saved values.
 */
export class HealthChecks {
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly catalogue: Catalogue,
    private readonly runtimeConfigs: RuntimeConfigService,
    private readonly connectionTests: ConnectionTestService,
    private readonly events: EventSink,
    private readonly relays: Pick<RelayBroker, 'states'>,
    private readonly logger: Logger,
    private readonly options: HealthCheckOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async check(principal: Principal, config: StoredConfig): Promise<CheckResult> {
    const runtime = await this.runtimeConfigs.read(principal, config.id, 'config.health-check');
    if (!runtime) return { checked: false, reason: 'GONE' };
    let error: TestError | null = null;
    let reported = config.health?.reportedExpiries;
    const flow = this.catalogue.connector(config.connectorKey)?.authorizationCode;
    if (runtime.oauth && !runtime.oauth.accessToken) {
      // The grant cannot give a token: that is the finding; the provider is not asked.
      const problem = runtime.oauth.problem;
      const code = problem && problem.code in ERROR_CATALOGUE ? (problem.code as Code) : Code.OAUTH_NOT_CONNECTED;
      error = testError(code, {
        field: flow?.field,
        ...(problem ? { message: problem.message, hint: problem.hint } : {}),
      });
    } else {
      const connectedGrant = runtime.oauth?.accessToken
        ? { accessToken: runtime.oauth.accessToken, providerValues: runtime.oauth.providerValues }
        : undefined;
      const outcome = await this.connectionTests.runSaved(config, runtime.values, connectedGrant);
      // Refused by the test limits: not a finding. The claim lapses and the check comes back.
      if (outcome.status === 'REFUSED' && outcome.errors[0]?.code === Code.TEST_RATE_LIMITED) {
        this.options.onChecked?.('LIMITED');
        return { checked: false, reason: 'LIMITED' };
      }
      error = outcome.ok ? null : (outcome.errors[0] ?? testError(Code.INTERNAL));
      // A passing check read what the provider says now; a failing one leaves the last reading.
      if (outcome.ok) reported = outcome.reportedExpiries;
      if (outcome.ok && outcome.relayId) error = await this.relayShortfall(config, outcome.relayId);
    }
    const at = new Date(this.now()).toISOString();
    let change = afterCheck(config.health, error, at);
    change = { ...change, health: { ...change.health, reportedExpiries: reported ?? [] } };
    if (error && (error.code === Code.OAUTH_REFRESH_FAILED || error.code === Code.OAUTH_REFRESH_INTERRUPTED)) {
      if (change.events.length)
        change.events.push({ type: 'oauth.refresh_failed', field: error.field ?? null, code: error.code });
    }
    change = await this.withExpiries(config, change, at);
    const health = change.health;
    const next = new Date(this.now() + this.options.intervalMs * (0.9 + Math.random() * 0.2)).toISOString();
    const recorded = await this.store.configs.recordHealth(
      config.tenantId,
      config.id,
      health,
      next,
      config.health?.checkedAt ?? null,
    );
    // Superseded: another check of this config was recorded meanwhile, and told its findings.
    if (recorded !== 'RECORDED') return { checked: false, reason: recorded };
    this.options.onChecked?.(health.status);
    await this.publish(config, change, at);
    this.logger.info(
      {
        tenantId: config.tenantId,
        configId: config.id,
        status: health.status,
        code: error?.code,
        field: error?.field,
        events: change.events.map((event) => event.type),
      },
      'health check',
    );
    return { checked: true, config: { ...config, health } };
  }

  /**
   * A check that passed through a relay whose group has lost agents (silent for three
   * heartbeats, or draining) is DEGRADED: it works now, on fewer agents than the customer runs.
   */
  private async relayShortfall(config: StoredConfig, relayId: string): Promise<TestError | null> {
    let state: RelayLiveState | undefined;
    try {
      state = (await this.relays.states(config.tenantId, [relayId])).get(relayId);
    } catch (error) {
      // The check itself passed; an unreadable directory is not the config's finding.
      this.logger.warn({ err: error, tenantId: config.tenantId, relayId }, 'relay state unreadable at a health check');
      return null;
    }
    if (state?.status !== 'DEGRADED') return null;
    const heartbeatMs = this.options.relayHeartbeatMs;
    const short = state.agents.filter((agent) => agentStatus(agent, heartbeatMs, this.now()) !== 'ONLINE').length;
    const field =
      this.catalogue.connector(config.connectorKey)?.fields.find((f) => f.type === FormFieldType.RELAY)?.name ??
      'relay';
    return testError(Code.RELAY_DEGRADED, {
      field,
      message: `${short} of this relay's ${state.agents.length} agents ${short === 1 ? 'is' : 'are'} silent or draining: tests and runs still go through the others.`,
    });
  }

  private async withExpiries(config: StoredConfig, change: HealthChange, at: string): Promise<HealthChange> {
    const [grant] = await this.store.oauthGrants.getMany(config.tenantId, [config.id]);
    const earliest = new Map<string, string>();
    for (const expiry of credentialExpiries({ ...config, health: change.health }, this.catalogue, grant)) {
      if (!earliest.has(expiry.field)) earliest.set(expiry.field, expiry.expiresAt);
    }
    const fields = new Set([
      ...earliest.keys(),
      ...change.health.issues.filter((i) => !i.resolvedAt && EXPIRY_CODES.has(i.code)).map((i) => i.field ?? ''),
      ...Object.keys(change.health.warnedExpiries),
    ]);
    let next = change;
    for (const field of fields) {
      const expiresAt = earliest.get(field);
      const expiry = expiresAt ? { expiresAt, daysLeft: (Date.parse(expiresAt) - this.now()) / DAY_MS } : null;
      next = withExpiry(next, field, expiry, this.options.warnDays, at);
    }
    return next;
  }

  private async publish(config: StoredConfig, change: HealthChange, at: string): Promise<void> {
    if (!change.events.length) return;
    const events: PlugboardEvent[] = change.events.map((event) => ({
      id: uuidv7(),
      time: at,
      tenantId: config.tenantId,
      configId: toGlobalId('ConnectorConfig', config.id),
      ...event,
    }));
    await this.events.publish(events);
  }
}
