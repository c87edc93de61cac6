import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type Permission } from '../../auth/principal';
import type { StoredApiKey } from '../../store/store.types';
import { type GraphQLContext, principalOf } from '../context';
import { ApiKey, CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.type';

const ADMIN: Permission = 'admin';

const toApiKey = (record: StoredApiKey): ApiKey => ({
  id: record.id,
  name: record.name,
  role: record.role as ApiKey['role'],
  displayPrefix: record.displayPrefix,
  createdAt: new Date(record.createdAt),
  createdBy: record.createdBy,
  revokedAt: record.revokedAt ? new Date(record.revokedAt) : null,
});

@Resolver()
export class ApiKeyResolver {
  @Authorized(ADMIN)
  @Query(() => [ApiKey], { description: "Your tenant's API keys, revoked ones included. Admins only." })
  async apiKeys(@Ctx() context: GraphQLContext): Promise<ApiKey[]> {
    return (await context.services.apiKeys.list(principalOf(context).tenantId)).map(toApiKey);
  }

  @Authorized(ADMIN)
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Makes an API key in your tenant. The key is in the answer, once. Admins only.',
  })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateApiKeyPayload> {
    const principal = principalOf(context);
    const name = input.name.trim();
    if (!name || name.length > 200) {
      return {
        apiKey: null,
        key: null,
        errors: [{ field: 'name', code: 'REQUIRED', message: 'Name the key in 1 to 200 characters.' }],
      };
    }
    const { record, key } = await context.services.apiKeys.create(
      principal.tenantId,
      input.role,
      name,
      principal.actor,
    );
    await context.services.audit.record(principal, 'api-key.created', record.id);
    return { apiKey: toApiKey(record), key, errors: [] };
  }

  @Authorized(ADMIN)
  @Mutation(() => RevokeApiKeyPayload, { description: 'Revokes an API key of your tenant at once. Admins only.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<RevokeApiKeyPayload> {
    const principal = principalOf(context);
    if (!(await context.services.apiKeys.revoke(principal.tenantId, id))) {
      return { revokedId: null, errors: [{ field: 'id', code: 'NOT_FOUND', message: 'No key of yours has this id.' }] };
    }
    await context.services.audit.record(principal, 'api-key.revoked', id);
    return { revokedId: id, errors: [] };
  }
}
