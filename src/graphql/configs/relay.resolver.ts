import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { StoredRelay } from '../../store/store.types';
import { toGlobalId } from '../global-id';
import { Relay } from './relay.type';

@Resolver(() => Relay)
export class RelayFieldsResolver {
  @FieldResolver(() => ID)
  id(@Root() relay: StoredRelay): string {
    return toGlobalId('Relay', relay.id);
  }

  @FieldResolver(() => Date)
  createdAt(@Root() relay: StoredRelay): Date {
    return new Date(relay.createdAt);
  }
}
