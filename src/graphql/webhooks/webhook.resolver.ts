import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { cursorOf } from '../../store/page-cursor';
import type { StoredDelivery, StoredWebhook } from '../../store/store.types';
import { pageInfoOf, pageRequestOf } from '../common/paging.type';
import { type GraphQLContext, principalOf } from '../context';
import {
  CreateWebhookInput,
  DeleteWebhookPayload,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookSecretPayload,
} from './webhook.type';

const ADMIN: Permission = 'admin';

const toWebhook = (webhook: StoredWebhook): Webhook => ({
  id: webhook.id,
  url: webhook.url,
  events: webhook.events,
  createdAt: new Date(webhook.createdAt),
  createdBy: webhook.createdBy,
  secretRotatedAt: webhook.secretRotatedAt ? new Date(webhook.secretRotatedAt) : null,
});

const toDelivery = (delivery: StoredDelivery): WebhookDelivery => ({
  id: delivery.id,
  webhookId: delivery.webhookId,
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  lastStatusCode: delivery.lastStatusCode,
  lastError: delivery.lastError,
  createdAt: new Date(delivery.createdAt),
  deliveredAt: delivery.deliveredAt ? new Date(delivery.deliveredAt) : null,
  nextAttemptAt: delivery.status === 'PENDING' ? new Date(delivery.nextAttemptAt) : null,
});

/** Webhooks and their deliveries: admins only. */
@Resolver()
export class WebhookResolver {
  @Authorized(ADMIN)
  @Query(() => [Webhook], { description: "The tenant's webhooks, oldest first. Admins only." })
  async webhooks(@Ctx() context: GraphQLContext): Promise<Webhook[]> {
    return (await context.services.webhooks.list(principalOf(context))).map(toWebhook);
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookSecretPayload, {
    description: 'Adds a webhook. Its signing secret is in the answer, once. Admins only.',
  })
  async createWebhook(
    @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookSecretPayload> {
    const created = await context.services.webhooks.create(principalOf(context), input.url.trim(), input.events ?? []);
    return { ...created, webhook: created.webhook && toWebhook(created.webhook) };
  }

  @Authorized(ADMIN)
  @Mutation(() => WebhookSecretPayload, {
    description: 'Gives a webhook a new signing secret, in the answer once; the old one stops signing at once.',
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<WebhookSecretPayload> {
    const rotated = await context.services.webhooks.rotate(principalOf(context), id);
    return { ...rotated, webhook: rotated.webhook && toWebhook(rotated.webhook) };
  }

  @Authorized(ADMIN)
  @Mutation(() => DeleteWebhookPayload, { description: 'Deletes a webhook and its deliveries.' })
  async deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<DeleteWebhookPayload> {
    const deleted = await context.services.webhooks.delete(principalOf(context), id);
    return deleted
      ? { deletedId: id, errors: [] }
      : { deletedId: null, errors: [{ field: 'id', code: 'NOT_FOUND', message: 'No webhook has this id.' }] };
  }

  @Authorized(ADMIN)
  @Query(() => WebhookDeliveryConnection, {
    description: "Deliveries, newest first, of one webhook or all the tenant's: each with its status and attempts.",
  })
  async webhookDeliveries(
    @Ctx() context: GraphQLContext,
    @Arg('webhookId', () => ID, { nullable: true }) webhookId?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await context.services.store.deliveries.list(
      principalOf(context).tenantId,
      webhookId ?? null,
      pageRequestOf({ first, after }),
    );
    return {
      edges: page.items.map((delivery) => ({ cursor: cursorOf(delivery), node: toDelivery(delivery) })),
      pageInfo: pageInfoOf(page),
    };
  }
}
