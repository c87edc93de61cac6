import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { FieldError } from '../common/field-error.type';
import { PageInfo } from '../common/paging.type';

@ObjectType({
  simpleResolvers: true,
  description: 'Where health and credential events of this tenant are POSTed, signed (Standard Webhooks).',
})
export class Webhook {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field({ description: 'The address events are POSTed to.' })
  url!: string;

  @Field(() => [String], { description: 'The event types it receives; empty means every type.' })
  events!: string[];

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'Who created it.' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'When its signing secret was last rotated.' })
  secretRotatedAt!: Date | null;
}

@InputType({ description: 'A new webhook.' })
export class CreateWebhookInput {
  @Field({ description: 'An https:// address; it passes the same outbound guard as connection tests.' })
  url!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Event types to receive: config.health.failing, config.health.recovered, config.health.degraded, credential.expiring, credential.expired, oauth.refresh_failed. All when omitted.',
  })
  events?: string[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'A webhook with its signing secret, shown this once, or why not.' })
export class WebhookSecretPayload {
  @Field(() => Webhook, { nullable: true, description: 'The webhook.' })
  webhook!: Webhook | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (`whsec_…`): verify `webhook-signature` with it (any Standard Webhooks library). Shown only now.',
  })
  signingSecret!: string | null;

  @Field(() => [FieldError], { description: 'Why not; empty on success.' })
  errors!: FieldError[];
}

@ObjectType({ simpleResolvers: true, description: 'The id of a deleted webhook, or why not.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted webhook.' })
  deletedId!: string | null;

  @Field(() => [FieldError], { description: 'Why not; empty on success.' })
  errors!: FieldError[];
}

@ObjectType({ simpleResolvers: true, description: 'One event on its way to one webhook.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field(() => ID, { description: 'The webhook.' })
  webhookId!: string;

  @Field({ description: 'The event id, sent as `webhook-id`: the same on every attempt.' })
  eventId!: string;

  @Field({ description: 'The event type.' })
  eventType!: string;

  @Field({ description: 'PENDING (to be sent or retried), DELIVERED (a 2xx answer) or FAILED (every attempt failed).' })
  status!: string;

  @Field(() => Int, { description: 'Attempts so far.' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt.' })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { description: 'When the event was queued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a 2xx answer came.' })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due, while PENDING.' })
  nextAttemptAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'One delivery in a page.' })
export class WebhookDeliveryEdge {
  @Field({ description: 'Where this item sits, for paging.' })
  cursor!: string;

  @Field(() => WebhookDelivery, { description: 'The delivery.' })
  node!: WebhookDelivery;
}

@ObjectType({ simpleResolvers: true, description: 'Deliveries, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: 'The deliveries of this page.' })
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo, { description: 'Where the page sits.' })
  pageInfo!: PageInfo;
}
