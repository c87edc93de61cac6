import { Arg, ID, Query, Resolver } from 'type-graphql';
import { InputError } from '../../errors';
import { PublicCatalogue } from '../cache-control';
import { CatalogueViews } from './catalogue.views';
import { ConnectorType } from './connector-type.type';
import { Integration } from './integration.type';

@Resolver()
export class CatalogueResolver {
  constructor(private readonly views: CatalogueViews) {}

  @PublicCatalogue()
  @Query(() => [ConnectorType], { description: 'The connector catalogue, optionally one category of it.' })
  connectorTypes(
    @Arg('category', () => String, {
      nullable: true,
      description: 'Only connectors of this category, such as `database`.',
    })
    category?: string | null,
  ): ConnectorType[] {
    return this.views.connectorTypeList(category);
  }

  @PublicCatalogue()
  @Query(() => ConnectorType, {
    nullable: true,
    description:
      'One connector type, with its form as the given integration shows it (or its own form). Null when no connector has the key.',
  })
  connectorType(
    @Arg('key', () => ID, { description: 'The connector key, such as `microsoft-graph`.' }) key: string,
    @Arg('integration', () => ID, { nullable: true, description: 'The integration whose view of the form to return.' })
    integration?: string | null,
  ): ConnectorType | null {
    const lookup = this.views.catalogue.form(key, integration);
    if (lookup.found) return this.views.connectorType(key, integration) ?? null;
    switch (lookup.reason) {
      case 'UNKNOWN_CONNECTOR':
        return null;
      case 'UNKNOWN_INTEGRATION':
        throw new InputError('No integration has this key.', { argument: 'integration' });
      case 'CONNECTOR_NOT_IN_INTEGRATION':
        throw new InputError(
          'This integration does not use this connector: ask for the connector without an integration, or pick one that uses it.',
          {
            argument: 'integration',
          },
        );
    }
  }

  @PublicCatalogue()
  @Query(() => [Integration], { description: 'The integrations, each with the connectors it uses.' })
  integrations(): Integration[] {
    return this.views.integrations();
  }
}
