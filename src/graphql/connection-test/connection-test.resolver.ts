import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { localIdOf } from '../../global-id';
import { type GraphQLContext, principalOf } from '../context';
import { toConnectionTestResult } from './connection-test.mapping';
import { ConnectionTestResult, TestConnectionInput } from './connection-test.type';

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
    const result = await context.services.connectionTests.test(principalOf(context), {
      connectorKey: input.connectorType,
      integrationKey: input.integration,
      values: input.values,
      settings: input.settings,
      configId: input.configId ? (localIdOf('ConnectorConfig', input.configId) ?? '') : null,
      relayId: input.relay ? (localIdOf('Relay', input.relay) ?? input.relay) : null,
      requestId: context.requestId,
    });
    return toConnectionTestResult(result);
  }
}
