import { ApiKeyService } from '../auth/api-key.service';
import { PLATFORM_TENANT, ROLES, type Role } from '../auth/principal';
import type { PlugboardConfig } from '../environment';
import { InputError } from '../errors';
import type { Logger } from '../logger';
import { openStore } from '../store/open-store';
import type { StoredApiKey } from '../store/store.types';

const PLATFORM_ROLES: readonly Role[] = ['PARTNER', 'INTERNAL'];

function roleOf(value: string): Role {
  const role = value.toUpperCase() as Role;
  if (!ROLES.includes(role))
    throw new InputError(`--role must be one of ${ROLES.map((r) => r.toLowerCase()).join(', ')}; it is "${value}".`);
  return role;
}

/** Runs `use` with an API-key service on the configured store, closing the store after. */
async function withKeys<T>(
  config: PlugboardConfig,
  logger: Logger,
  use: (keys: ApiKeyService) => Promise<T>,
): Promise<T> {
  const store = await openStore(config, logger);
  try {
    return await use(new ApiKeyService(store));
  } finally {
    await store.close();
  }
}

/** `keys create`: the new key goes to stdout, once; what happened goes to stderr. */
export async function createKey(
  config: PlugboardConfig,
  logger: Logger,
  options: { tenant?: string; role: string; name?: string },
): Promise<void> {
  const role = roleOf(options.role);
  const tenant = options.tenant ?? (PLATFORM_ROLES.includes(role) ? PLATFORM_TENANT : undefined);
  if (!tenant) throw new InputError(`--tenant is required for ${role.toLowerCase()} keys.`);
  await withKeys(config, logger, async (keys) => {
    const { record, key } = await keys.create(tenant, role, options.name ?? `${role.toLowerCase()} key`, 'cli');
    process.stderr.write(`Created ${role} key ${record.id} for tenant ${record.tenantId}. It is shown once:\n`);
    process.stdout.write(`${key}\n`);
  });
}

/** A table for people: a header, aligned columns, dates as YYYY-MM-DD HH:MM UTC. */
function table(keys: readonly StoredApiKey[]): string {
  const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');
  const rows = [
    ['ID', 'ROLE', 'STATE', 'CREATED', 'REVOKED', 'PREFIX', 'NAME'],
    ...keys.map((key) => [
      key.id,
      key.role,
      key.revokedAt ? 'revoked' : 'active',
      when(key.createdAt),
      when(key.revokedAt),
      `${key.displayPrefix}…`,
      key.name,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `keys list`: never the key or its hash; `--json` for scripts. */
export async function listKeys(
  config: PlugboardConfig,
  logger: Logger,
  options: { tenant: string; json?: boolean },
): Promise<void> {
  const keys = await withKeys(config, logger, (service) => service.list(options.tenant));
  if (options.json) {
    const shown = keys.map(({ id, tenantId, role, name, displayPrefix, createdAt, createdBy, revokedAt }) => ({
      id,
      tenantId,
      role,
      name,
      displayPrefix,
      createdAt,
      createdBy,
      revokedAt,
    }));
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return;
  }
  process.stdout.write(keys.length ? `${table(keys)}\n` : `Tenant ${options.tenant} has no API keys.\n`);
}

/** `keys revoke`. */
export async function revokeKey(
  config: PlugboardConfig,
  logger: Logger,
  options: { tenant: string; id: string },
): Promise<void> {
  await withKeys(config, logger, async (keys) => {
    if (!(await keys.revoke(options.tenant, options.id)))
      throw new InputError(`Tenant ${options.tenant} has no key ${options.id}.`);
    process.stderr.write(`Revoked key ${options.id}.\n`);
  });
}
