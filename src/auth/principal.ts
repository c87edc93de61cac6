import type { ApiKeyRole } from '../store/store.types';

export type Role = ApiKeyRole;

/** Who is calling: always one tenant and one role. Anonymous callers have no principal. */
export interface Principal {
  tenantId: string;
  role: Role;
  /** How audit events name the caller, such as `api-key:3f9c…`. Never a secret. */
  actor: string;
}

/** What each role may do. Anything not listed is denied. The catalogue is public. */
export type Permission =
  | 'configs:read'
  | 'configs:write'
  | 'admin'
  | 'runtime:read'
  | 'introspect'
  | 'schema:read'
  /** Send documents of one's own, when trusted documents are enforced. */
  | 'documents:own';

const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  ADMIN: new Set(['configs:read', 'configs:write', 'admin']),
  EDITOR: new Set(['configs:read', 'configs:write']),
  VIEWER: new Set(['configs:read']),
  RUNTIME: new Set(['runtime:read']),
  PARTNER: new Set(['introspect', 'documents:own']),
  INTERNAL: new Set(['introspect', 'schema:read', 'documents:own']),
};

/**
 * Partner and internal keys are not a customer's: they live in this reserved tenant, which no
 * customer tenant can be (tenant roles are refused there, and these roles everywhere else).
 */
export const PLATFORM_TENANT = 'plugboard-platform';
export const PLATFORM_ROLES: readonly Role[] = ['PARTNER', 'INTERNAL'];

export function roleFitsTenant(role: Role, tenantId: string): boolean {
  return PLATFORM_ROLES.includes(role) === (tenantId === PLATFORM_TENANT);
}

export function may(principal: Principal, permission: Permission): boolean {
  return PERMISSIONS[principal.role].has(permission);
}

export const ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'VIEWER', 'RUNTIME', 'PARTNER', 'INTERNAL'];
