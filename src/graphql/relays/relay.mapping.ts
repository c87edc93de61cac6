import type { StoredRelay } from '../../store/store.types';
import { toGlobalId } from '../global-id';
import { Relay } from './relay.type';

/**
 * A stored relay as the schema shows it. What the store knows is mapped here; what its agent
 * reports live (status, last seen, version, host) is read by field resolvers, only when asked.
 */
export function toRelay(record: StoredRelay): Relay {
  return Object.assign(new Relay(), {
    id: toGlobalId('Relay', record.id),
    name: record.name,
    testsRun: record.testsRun ?? 0,
    testsFailed: record.testsFailed ?? 0,
    createdAt: new Date(record.createdAt),
    revokedAt: record.revokedAt ? new Date(record.revokedAt) : null,
    record,
  });
}

export function toRelayOrNull(record: StoredRelay | undefined): Relay | null {
  return record ? toRelay(record) : null;
}
