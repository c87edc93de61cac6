import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { TestErrorCode } from '../../connection-test/test-error-codes';
import { testError } from '../../connection-test/test-failure';
import { fromTypedSettings } from '../configs/settings-input.mapping';
import { type GraphQLContext, principalOf } from '../context';
import { localIdOf } from '../global-id';
import { ConnectionTestResult, ConnectionTestStatus, TestConnectionInput, TestedVia } from './connection-test.types';

@Resolver()
export class ConnectionTestResolver {
  @Authorized<Permission>('configs:write')
  @Mutation(() => ConnectionTestResult, {
    description:
      'Tests a connection with the values given. Validation runs first, with the same rules as saving; then the connector signs in and checks one permission. The result says which field is at fault, why, and the fix.',
  })
  async testConnection(
    @Arg('input', () => TestConnectionInput) input: TestConnectionInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionTestResult> {
    const typed = input.settings ? fromTypedSettings(input.settings) : undefined;
    if (typed && (input.values || typed.connectorKey !== input.connectorType)) {
      return {
        ok: false,
        status: ConnectionTestStatus.REFUSED,
        durationMs: 0,
        testedVia: TestedVia.DIRECT,
        steps: [],
        errors: [
          testError(TestErrorCode.INVALID_VALUE, {
            field: 'settings',
            message: 'Send `values` or `settings` (for the same connector as `connectorType`), not both.',
          }),
        ],
      } as ConnectionTestResult;
    }
    const result = await context.services.connectionTests.test(principalOf(context), {
      connectorKey: input.connectorType,
      integrationKey: input.integration,
      values: typed?.values ?? input.values ?? {},
      configId: input.configId ? (localIdOf('ConnectorConfig', input.configId) ?? '') : null,
      relayId: input.relay ? (localIdOf('Relay', input.relay) ?? input.relay) : null,
    });
    return result as unknown as ConnectionTestResult;
  }
}
