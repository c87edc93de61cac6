import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../auth/principal';
import { cursorOf } from '../../store/page-cursor';
import { PageInfo, pageInfoOf, pageRequestOf } from '../common/paging.type';
import { type GraphQLContext, principalOf } from '../context';

@ObjectType({
  simpleResolvers: true,
  description: 'Who did what to which thing, and when. Field names only, never values.',
})
export class AuditEvent {
  @Field(() => ID, { description: 'The event id.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field({ description: 'Who did it, such as api-key:3f9c2a7b1e4d5f60.' })
  actor!: string;

  @Field({
    description:
      'What happened: config.created, config.updated, config.deleted, config.runtime-read, config.health-check (a health check read the saved values), api-key.created or api-key.revoked.',
  })
  action!: string;

  @Field({ description: 'The local id of the config or key it happened to.' })
  targetId!: string;

  @Field(() => [String], { description: 'The fields it touched, by name.' })
  fields!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'One audit event in a page.' })
export class AuditEventEdge {
  @Field({ description: 'Where this item sits, for paging.' })
  cursor!: string;

  @Field(() => AuditEvent, { description: 'The event.' })
  node!: AuditEvent;
}

@ObjectType({ simpleResolvers: true, description: 'A page of audit events, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'The events of this page.' })
  edges!: AuditEventEdge[];

  @Field(() => PageInfo, { description: 'Whether more follows.' })
  pageInfo!: PageInfo;
}

@Resolver()
export class AuditResolver {
  @Authorized<Permission>('admin')
  @Query(() => AuditEventConnection, { description: "Your tenant's audit log, newest first. Admins only." })
  async auditEvents(
    @Ctx() context: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, {
      nullable: true,
      description: 'Page size, paging backward (towards newer events) from `before`.',
    })
    last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<AuditEventConnection> {
    const page = await context.services.audit.list(principalOf(context), pageRequestOf({ first, after, last, before }));
    return {
      edges: page.items.map((event) => ({ cursor: cursorOf(event), node: { ...event, at: new Date(event.at) } })),
      pageInfo: pageInfoOf(page),
    };
  }
}
