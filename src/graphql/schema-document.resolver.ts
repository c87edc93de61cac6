import { Query, Resolver } from 'type-graphql';
import { PublicCatalogue } from './cache-control';

/** The schema printed with its applied directives; filled in once the schema is built. */
export class SchemaDocument {
  sdl = '';
}

@Resolver()
export class SchemaDocumentResolver {
  constructor(private readonly document: SchemaDocument) {}

  @PublicCatalogue()
  @Query(() => String, {
    description:
      'This schema as SDL, with the @formField and @connector directives that standard introspection cannot show. The same text as schema/schema.graphql.',
  })
  schemaSdl(): string {
    return this.document.sdl;
  }
}
