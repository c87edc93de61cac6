import type { Principal } from '../auth/principal';
import type { Catalogue } from '../catalogue/catalogue';
import { FormFieldType } from '../forms/form.enums';
import type { Logger } from '../logger';
import type { Metrics } from '../observability/metrics';
import type { RelayBroker } from '../relay/relay-broker.port';
import { localRelayId } from '../relay/relay-id';
import type { Store } from '../store/store.port';
import { TestErrorCode as Code } from './test-error-codes';
import { testError } from './test-failure';
import type { ConnectionTestOutcome, ConnectionTestRunner } from './test-runner';

export interface TestConnectionCommand {
  connectorKey: string;
  integrationKey?: string | null;
  values: Record<string, unknown>;
  /** The saved config this test is for: its outcome is recorded there. */
  configId?: string | null;
  /** A relay to run the test through; also read from the form's relay field. */
  relayId?: string | null;
}

export interface TestConnectionResult extends ConnectionTestOutcome {
  testedVia: 'DIRECT' | 'RELAY';
  relayId: string | null;
}

const refused = (error: ReturnType<typeof testError>): ConnectionTestOutcome => ({
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
  ) {}

  async test(principal: Principal, command: TestConnectionCommand): Promise<TestConnectionResult> {
    let savedLockedFields = new Set<string>();
    if (command.configId) {
      const [config] = await this.store.configs.getMany(principal.tenantId, [command.configId]);
      if (!config)
        return this.result(
          refused(testError(Code.INVALID_VALUE, { field: 'configId', message: 'No config has this id.' })),
          null,
        );
      if (config.connectorKey !== command.connectorKey) {
        return this.result(
          refused(
            testError(Code.INVALID_VALUE, {
              field: 'connectorType',
              message: `This config is a "${config.connectorKey}" connector.`,
            }),
          ),
          null,
        );
      }
      savedLockedFields = new Set(Object.keys(config.secrets));
    }

    const relayField = this.catalogue
      .connector(command.connectorKey)
      ?.fields.find((field) => field.type === FormFieldType.RELAY);
    const chosen =
      command.relayId || (relayField ? (command.values[relayField.name] as string | undefined) : undefined);
    const relayId = chosen ? localRelayId(chosen) : null;
    let outcome: ConnectionTestOutcome;
    if (relayId) {
      const [relay] = await this.store.relays.getMany(principal.tenantId, [relayId]);
      const request = {
        tenantId: principal.tenantId,
        connectorKey: command.connectorKey,
        integrationKey: command.integrationKey,
        values: command.values,
        savedLockedFields,
      };
      const precheck = await this.runner.precheck(request);
      if (precheck) {
        outcome = precheck;
      } else if (!relay || relay.revokedAt) {
        outcome = refused(
          testError(Code.INVALID_VALUE, {
            field: relayField?.name ?? 'relay',
            message: 'No relay of yours has this id.',
          }),
        );
      } else {
        outcome = await this.relays.dispatch(principal.tenantId, relayId, {
          ...request,
          savedLockedFields: [...savedLockedFields],
        });
        const relayError = outcome.errors.find((error) => error.category === 'RELAY');
        if (relayError) relayError.field ??= relayField?.name;
        await this.store.relays.recordTest(principal.tenantId, relayId, !outcome.ok);
      }
    } else {
      outcome = await this.runner.run({
        tenantId: principal.tenantId,
        connectorKey: command.connectorKey,
        integrationKey: command.integrationKey,
        values: command.values,
        savedLockedFields,
      });
    }

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
        connector: command.connectorKey,
        status: outcome.status,
        durationMs: outcome.durationMs,
        errors: outcome.errors.map((error) => ({ code: error.code, field: error.field })),
      },
      'connection test',
    );
    return this.result(outcome, relayId);
  }

  private result(outcome: ConnectionTestOutcome, relayId: string | null): TestConnectionResult {
    return { ...outcome, testedVia: relayId ? 'RELAY' : 'DIRECT', relayId };
  }
}
