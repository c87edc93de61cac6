import type { ApiKeyRole } from '../store/store.types';

export type Role = ApiKeyRole;

/** Who is calling: always one tenant and one role. Anonymous callers have no principal. */
export interface Principal {
  tenantId: string;
  role: Role;
  /** How audit events name the caller, such as `api-key:3f9c…`. Never a secret. */
  actor: string;
}

/** What each role may do. Anything not listed is denied. */
export type Permission = 'configs:read' | 'configs:write' | 'admin' | 'runtime:read';

const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  ADMIN: new Set(['configs:read', 'configs:write', 'admin']),
  EDITOR: new Set(['configs:read', 'configs:write']),
  VIEWER: new Set(['configs:read']),
  RUNTIME: new Set(['runtime:read']),
};

export function may(principal: Principal, permission: Permission): boolean {
  return PERMISSIONS[principal.role].has(permission);
}

export const ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'VIEWER', 'RUNTIME'];
