import type { Principal } from '../auth/principal';
import type { Catalogue } from '../catalogue/catalogue';
import { readSubmission, type SettingsSubmission } from '../configs/settings-submission';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { type TestError, testError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestOutcome, TestRequest } from '../connector-kit/connection-test.result';
import type { Logger } from '../logger';
import type { OAuthGrants } from '../oauth/oauth-grants.service';
import type { Metrics } from '../observability/metrics';
import type { RelayBroker } from '../relay/relay-broker.port';
import { chooseRelay } from '../relay/relay-choice';
import type { Store } from '../store/store.port';
import type { StoredConfig } from '../store/store.types';
import type { ConnectionTestRunner } from './connection-test.runner';

export interface TestConnectionCommand extends SettingsSubmission {
  connectorKey: string;
  integrationKey?: string | null;
  /** The saved config this test is for: its outcome is recorded there. */
  configId?: string | null;
  /** A relay to run the test through; also read from the form's relay field. */
  relayId?: string | null;
  /** The request that asked, for INTERNAL failures and their log line. */
  requestId?: string;
}

export interface TestConnectionResult extends ConnectionTestOutcome {
  testedVia: 'DIRECT' | 'RELAY';
  relayId: string | null;
}

/**
 * How long after connecting a grant its access token may serve the Test button, for the person
 * who connected it: long enough to press Test after Connect, short enough that a test never
 * stands in for the runtime's use of saved credentials.
 */
const JUST_CONNECTED_MS = 15 * 60_000;

const refused = (error: TestError): ConnectionTestOutcome => ({
  ok: false,
  status: 'REFUSED',
  durationMs: 0,
  steps: [],
  errors: [error],
});

/**
 * The Test button: checks the request belongs to the caller (config, relay), runs the test, and
 * records its outcome on the config. Logs say what happened by code and field only.
 */
export class ConnectionTestService {
  constructor(
    private readonly store: Store,
    private readonly catalogue: Catalogue,
    private readonly runner: ConnectionTestRunner,
    private readonly relays: RelayBroker,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
    private readonly grants?: OAuthGrants,
  ) {}

  async test(principal: Principal, command: TestConnectionCommand): Promise<TestConnectionResult> {
    const { outcome, relayId } = await this.attempt(principal, command);
    // A refused test attempted nothing, so it does not replace the last real outcome.
    if (command.configId && outcome.status !== 'REFUSED') {
      await this.store.configs.recordTest(principal.tenantId, command.configId, {
        ok: outcome.ok,
        code: outcome.errors[0]?.code ?? null,
        at: new Date().toISOString(),
        by: principal.actor,
      });
    }
    this.metrics?.connectionTests.inc({
      connector: this.catalogue.connector(command.connectorKey) ? command.connectorKey : 'unknown',
      status: outcome.status,
      code: outcome.errors[0]?.code ?? 'NONE',
      via: relayId ? 'RELAY' : 'DIRECT',
    });
    this.logger.info(
      {
        requestId: command.requestId,
        tenantId: principal.tenantId,
        connector: command.connectorKey,
        status: outcome.status,
        durationMs: outcome.durationMs,
        errors: outcome.errors.map((error) => ({ code: error.code, field: error.field })),
      },
      'connection test',
    );
    return { ...outcome, testedVia: relayId ? 'RELAY' : 'DIRECT', relayId };
  }

  private async attempt(
    principal: Principal,
    command: TestConnectionCommand,
  ): Promise<{ outcome: ConnectionTestOutcome; relayId: string | null }> {
    const direct = (outcome: ConnectionTestOutcome) => ({ outcome, relayId: null });
    const submitted = readSubmission(this.catalogue, command);
    if (submitted.errors.length || (command.settings && submitted.connectorKey !== command.connectorKey)) {
      return direct(
        refused(
          testError(Code.INVALID_VALUE, {
            field: 'settings',
            message: 'Send `values` or `settings` (for the same connector as `connectorType`), not both.',
          }),
        ),
      );
    }
    let savedLockedFields = new Set<string>();
    let connectedGrant: TestRequest['connectedGrant'];
    if (command.configId) {
      const [config] = await this.store.configs.getMany(principal.tenantId, [command.configId]);
      if (!config) {
        return direct(refused(testError(Code.INVALID_VALUE, { field: 'configId', message: 'No config has this id.' })));
      }
      if (config.connectorKey !== command.connectorKey) {
        return direct(
          refused(
            testError(Code.INVALID_VALUE, {
              field: 'connectorType',
              message: `This config is a "${config.connectorKey}" connector.`,
            }),
          ),
        );
      }
      savedLockedFields = new Set(Object.keys(config.secrets));
      const flow = this.catalogue.connector(config.connectorKey)?.authorizationCode;
      if (flow && submitted.values?.[flow.field] === flow.option) {
        connectedGrant = await this.grants?.justConnected(config, principal.actor, JUST_CONNECTED_MS);
      }
    }
    const request: TestRequest = {
      tenantId: principal.tenantId,
      connectorKey: command.connectorKey,
      integrationKey: command.integrationKey,
      values: submitted.values ?? {},
      savedLockedFields,
      requestId: command.requestId,
      connectedGrant,
    };
    return this.execute(principal.tenantId, request, command.relayId);
  }

  /**
   * A health check's test: the config's saved values, decrypted by the runtime read, through
   * its relay when it has one. Not the Test button: the outcome is not recorded as `lastTest`,
   * and its only consumer is the health record.
   */
  async runSaved(
    config: StoredConfig,
    values: Record<string, unknown>,
    connectedGrant?: TestRequest['connectedGrant'],
  ): Promise<TestConnectionResult> {
    const { outcome, relayId } = await this.execute(
      config.tenantId,
      {
        tenantId: config.tenantId,
        connectorKey: config.connectorKey,
        integrationKey: config.integrationKey,
        values,
        savedLockedFields: new Set(),
        connectedGrant,
        collectExpiries: true,
      },
      config.relayId,
    );
    return { ...outcome, testedVia: relayId ? 'RELAY' : 'DIRECT', relayId };
  }

  /** Runs a checked request directly, or through the relay its values or `relayId` name. */
  private async execute(
    tenantId: string,
    request: TestRequest,
    relayId: string | null | undefined,
  ): Promise<{ outcome: ConnectionTestOutcome; relayId: string | null }> {
    const direct = (outcome: ConnectionTestOutcome) => ({ outcome, relayId: null });
    const fields = this.catalogue.connector(request.connectorKey)?.fields ?? [];
    const relay = await chooseRelay(this.store.relays, tenantId, { fields, values: request.values }, relayId);
    if (relay.kind === 'DIRECT') return direct(await this.runner.run(request));

    // Relayed tests are checked here before any agent sees them.
    const chosen = relay.relayId;
    const precheck = await this.runner.precheck(request);
    if (precheck) return { outcome: precheck, relayId: chosen };
    if (relay.kind === 'PROBLEM') {
      return {
        outcome: refused(testError(Code[relay.code], { field: relay.field, message: relay.message })),
        relayId: chosen,
      };
    }
    const outcome = this.runner.withDeclaredSteps(
      request,
      await this.relays.dispatch(tenantId, chosen, {
        ...request,
        savedLockedFields: [...(request.savedLockedFields ?? [])],
      }),
    );
    const relayError = outcome.errors.find((error) => error.category === 'RELAY');
    if (relayError) relayError.field ??= relay.field;
    await this.store.relays.recordTest(tenantId, chosen, !outcome.ok);
    return { outcome, relayId: chosen };
  }
}
