import { Authorized, Query, Resolver } from 'type-graphql';
import type { Permission } from '../auth/principal';

/** The schema printed with its applied directives; filled in once the schema is built. */
export class SchemaDocument {
  sdl = '';
}

@Resolver()
export class SchemaDocumentResolver {
  constructor(private readonly document: SchemaDocument) {}

  // Not cached publicly: only internal tools may read it.
  @Authorized<Permission>('schema:read')
  @Query(() => String, {
    description:
      'This schema as SDL, with the @formField and @connector directives that standard introspection cannot show. The same text as schema/schema.graphql. Internal keys only.',
  })
  schemaSdl(): string {
    return this.document.sdl;
  }
}
