import { parseArgs } from 'node:util';
import { ApiKeyService } from '../auth/api-key.service';
import { PLATFORM_TENANT, ROLES, type Role } from '../auth/principal';
import type { PlugboardConfig } from '../environment';
import { InputError } from '../errors';
import type { Logger } from '../logger';
import { openStore } from '../store/open-store';

export const KEYS_USAGE = `plugboard keys create --tenant <id> --role <admin|editor|viewer|runtime> [--name <text>]
plugboard keys create --role <partner|internal> [--name <text>]      (platform keys, no tenant)
plugboard keys list --tenant <id>
plugboard keys revoke --tenant <id> --id <key id>`;

function roleOf(value: string | undefined): Role {
  const role = value?.toUpperCase() as Role;
  if (!ROLES.includes(role))
    throw new InputError(`--role must be one of ${ROLES.map((r) => r.toLowerCase()).join(', ')}.`);
  return role;
}

/** API keys from the command line. A new key is printed once, to stdout only. */
export async function keysCommand(args: string[], config: PlugboardConfig, logger: Logger): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { tenant: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
  });
  const platformRole = ['partner', 'internal'].includes((values.role ?? '').toLowerCase());
  values.tenant ??= action === 'create' && platformRole ? PLATFORM_TENANT : undefined;
  if (!values.tenant) throw new InputError(`--tenant is required.\n\n${KEYS_USAGE}`);
  const store = await openStore(config, logger);
  try {
    const keys = new ApiKeyService(store);
    switch (action) {
      case 'create': {
        const role = roleOf(values.role);
        const { record, key } = await keys.create(
          values.tenant,
          role,
          values.name ?? `${role.toLowerCase()} key`,
          'cli',
        );
        process.stderr.write(`Created ${role} key ${record.id} for tenant ${record.tenantId}. It is shown once:\n`);
        process.stdout.write(`${key}\n`);
        return;
      }
      case 'list':
        for (const key of await keys.list(values.tenant)) {
          const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'active';
          process.stdout.write(`${key.id}\t${key.role}\t${state}\t${key.displayPrefix}…\t${key.name}\n`);
        }
        return;
      case 'revoke':
        if (!values.id) throw new InputError('--id is required.');
        if (!(await keys.revoke(values.tenant, values.id)))
          throw new InputError(`Tenant ${values.tenant} has no key ${values.id}.`);
        process.stderr.write(`Revoked key ${values.id}.\n`);
        return;
      default:
        throw new InputError(KEYS_USAGE);
    }
  } finally {
    await store.close();
  }
}
