import { CONNECTORS } from '../connectors';
import { INTEGRATIONS } from '../integrations';
import { Catalogue } from './catalogue';

/** The catalogue Plugboard ships: every connector and integration, checked once. */
export function defaultCatalogue(): Catalogue {
  return new Catalogue(CONNECTORS, INTEGRATIONS);
}
