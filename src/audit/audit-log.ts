import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../auth/principal';
import type { Page, PageRequest, Store } from '../store/store.port';
import { type AuditAction, SCHEMA_VERSION, type StoredAuditEvent } from '../store/store.types';

/** Who did what to which thing, and when. Field names only, never values. */
export class AuditLog {
  constructor(private readonly store: Store) {}

  async record(principal: Principal, action: AuditAction, targetId: string, fields: string[] = []): Promise<void> {
    await this.store.audit.append({
      tenantId: principal.tenantId,
      id: uuidv7(),
      schemaVersion: SCHEMA_VERSION,
      at: new Date().toISOString(),
      actor: principal.actor,
      action,
      targetId,
      fields: [...fields].sort(),
    });
  }

  list(principal: Principal, page: PageRequest): Promise<Page<StoredAuditEvent>> {
    return this.store.audit.list(principal.tenantId, page);
  }
}
