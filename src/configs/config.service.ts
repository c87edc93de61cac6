import { isDeepStrictEqual } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import type { Catalogue, ConnectorForm } from '../catalogue/catalogue';
import { isValueSet } from '../forms/form-rule';
import { validateForm } from '../forms/form-validator';
import { chooseRelay } from '../relay/relay-choice';
import type { SecretCipher } from '../secrets/secret-cipher';
import { VersionConflictError } from '../store/store.errors';
import type { ConfigFilter, Page, PageRequest, Store } from '../store/store.port';
import { SCHEMA_VERSION, type StoredConfig, type StoredSecret } from '../store/store.types';
import { ConfigErrorCode as Code, type ConfigError, configError, listedErrors } from './config-errors';
import { readSubmission, type SettingsSubmission, type TypedSettings } from './settings-submission';

/** A new config: its values as a name → value map or as typed settings (which name the connector). */
export interface CreateConfigCommand extends SettingsSubmission {
  name: string;
  integrationKey?: string | null;
}

export interface UpdateConfigCommand {
  id: string;
  /** The same change as `values`, typed; must name the config's own connector. */
  settings?: TypedSettings | null;
  expectedVersion: number;
  name?: string | null;
  /**
   * The complete set of unlocked values, replacing the stored ones; omitted keeps them.
   * Locked fields given here are replaced; locked fields left out are kept.
   */
  values?: Record<string, unknown> | null;
  /** Locked fields to clear. The only way to remove a stored secret. */
  clearLockedFields?: string[] | null;
}

export interface ConfigWriteResult {
  config: StoredConfig | null;
  errors: ConfigError[];
}

const MAX_NAME_LENGTH = 200;

function nameErrors(name: string | null | undefined): ConfigError[] {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) return [configError('name', Code.REQUIRED, 'Name is required.')];
  if (trimmed.length > MAX_NAME_LENGTH) {
    return [configError('name', Code.TOO_LONG, `Name must be at most ${MAX_NAME_LENGTH} characters.`)];
  }
  return [];
}

const notFound = (): ConfigWriteResult => ({
  config: null,
  errors: [configError('id', Code.NOT_FOUND, 'No config has this id.')],
});

const versionConflict = (currentVersion: number): ConfigWriteResult => ({
  config: null,
  errors: [
    {
      field: 'expectedVersion',
      code: Code.VERSION_CONFLICT,
      message: `Someone changed this config since you loaded it; it is now at version ${currentVersion}. Reload it and apply your change again.`,
      currentVersion,
    },
  ],
});

/**
 * Saved connector configs: create, update, delete, read and list, always inside the caller's
 * tenant. Values go through the same validator clients follow; locked values are encrypted
 * before anything is stored and are never returned. Writes name the version they read, so
 * concurrent writers never silently overwrite each other.
 */
export class ConfigService {
  constructor(
    private readonly store: Store,
    private readonly catalogue: Catalogue,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditLog,
  ) {}

  async getMany(principal: Principal, ids: readonly string[]): Promise<StoredConfig[]> {
    return this.store.configs.getMany(principal.tenantId, ids);
  }

  list(principal: Principal, filter: ConfigFilter, page: PageRequest): Promise<Page<StoredConfig>> {
    return this.store.configs.list(principal.tenantId, filter, page);
  }

  /** The form a config is validated against: its connector as its integration shows it. */
  private formOf(connectorKey: string, integrationKey?: string | null): ConnectorForm | ConfigError {
    const lookup = this.catalogue.form(connectorKey, integrationKey);
    if (lookup.found) return lookup.form;
    switch (lookup.reason) {
      case 'UNKNOWN_CONNECTOR':
        return configError('connectorType', Code.UNKNOWN_CONNECTOR, 'No connector has this key.');
      case 'UNKNOWN_INTEGRATION':
        return configError('integration', Code.UNKNOWN_INTEGRATION, 'No integration has this key.');
      case 'CONNECTOR_NOT_IN_INTEGRATION':
        return configError(
          'integration',
          Code.CONNECTOR_NOT_IN_INTEGRATION,
          `The integration "${integrationKey}" does not use the connector "${connectorKey}".`,
        );
    }
  }

  async create(principal: Principal, command: CreateConfigCommand): Promise<ConfigWriteResult> {
    const submitted = readSubmission(this.catalogue, command);
    if (submitted.errors.length) return { config: null, errors: submitted.errors };
    if (!submitted.connectorKey) {
      return {
        config: null,
        errors: [configError('connectorType', Code.REQUIRED, 'Name the connector, or send typed settings.')],
      };
    }
    const form = this.formOf(submitted.connectorKey, command.integrationKey);
    const errors = nameErrors(command.name);
    if ('field' in form) return { config: null, errors: [...errors, form] };
    const id = uuidv7();
    const prepared = await this.prepare(principal, form, id, submitted.values ?? {}, {}, new Set());
    errors.push(...prepared.errors);
    if (errors.length) return { config: null, errors: listedErrors(errors) };
    const at = new Date().toISOString();
    const name = command.name.trim();
    const config: StoredConfig = {
      tenantId: principal.tenantId,
      id,
      schemaVersion: SCHEMA_VERSION,
      name,
      nameLower: name.toLowerCase(),
      connectorKey: form.connector.key,
      connectorVersion: form.connector.version,
      integrationKey: form.integration?.key ?? null,
      values: prepared.values,
      secrets: prepared.secrets,
      clearedSecrets: {},
      relayId: prepared.relayId,
      createdAt: at,
      createdBy: principal.actor,
      updatedAt: at,
      updatedBy: principal.actor,
      version: 1,
      lastTest: null,
    };
    await this.store.configs.create(config);
    await this.audit.record(principal, 'config.created', id, [
      ...Object.keys(config.values),
      ...Object.keys(config.secrets),
    ]);
    return { config, errors: [] };
  }

  async update(principal: Principal, command: UpdateConfigCommand): Promise<ConfigWriteResult> {
    const typed = readSubmission(this.catalogue, { values: command.values, settings: command.settings });
    const [current] = await this.store.configs.getMany(principal.tenantId, [command.id]);
    if (!current) return notFound();
    if (typed.connectorKey && typed.connectorKey !== current.connectorKey) {
      typed.errors.push(
        configError('settings', Code.CONFLICTING_CHANGE, `This config is a "${current.connectorKey}" connector.`),
      );
    }
    if (typed.errors.length) return { config: null, errors: typed.errors };
    if (current.version !== command.expectedVersion) return versionConflict(current.version);
    const form = this.formOf(current.connectorKey, current.integrationKey);
    if ('field' in form) return { config: null, errors: [form] };

    const errors = command.name === undefined || command.name === null ? [] : nameErrors(command.name);
    const submitted = typed.values ?? this.unlockedValues(current, form);
    const clear = new Set(command.clearLockedFields ?? []);
    errors.push(...this.clearErrors(form, clear, submitted));
    const kept = new Set([...Object.keys(current.secrets)].filter((field) => !clear.has(field)));
    const prepared = await this.prepare(principal, form, current.id, submitted, current.secrets, kept);
    errors.push(...prepared.errors);
    if (errors.length) return { config: null, errors: listedErrors(errors) };

    const at = new Date().toISOString();
    const name = command.name?.trim() || current.name;
    const clearedSecrets = { ...current.clearedSecrets };
    for (const field of clear) clearedSecrets[field] = { updatedAt: at, updatedBy: principal.actor };
    for (const field of Object.keys(prepared.secrets)) delete clearedSecrets[field];
    const next: StoredConfig = {
      ...current,
      name,
      nameLower: name.toLowerCase(),
      connectorVersion: form.connector.version,
      values: prepared.values,
      secrets: prepared.secrets,
      clearedSecrets,
      relayId: prepared.relayId,
      updatedAt: at,
      updatedBy: principal.actor,
      version: current.version + 1,
    };
    try {
      await this.store.configs.replace(next, command.expectedVersion);
    } catch (error) {
      if (error instanceof VersionConflictError) return versionConflict(error.currentVersion);
      throw error;
    }
    await this.audit.record(principal, 'config.updated', current.id, this.changedFields(current, next));
    return { config: next, errors: [] };
  }

  async delete(principal: Principal, id: string, expectedVersion: number): Promise<ConfigWriteResult> {
    try {
      const deleted = await this.store.configs.delete(principal.tenantId, id, expectedVersion);
      if (!deleted) return notFound();
    } catch (error) {
      if (error instanceof VersionConflictError) return versionConflict(error.currentVersion);
      throw error;
    }
    await this.audit.record(principal, 'config.deleted', id);
    return { config: null, errors: [] };
  }

  /** The stored unlocked values, as a submission that changes nothing. */
  private unlockedValues(config: StoredConfig, form: ConnectorForm): Record<string, unknown> {
    const shown = new Set(form.fields.map((field) => field.name));
    return Object.fromEntries(Object.entries(config.values).filter(([name]) => shown.has(name)));
  }

  private clearErrors(form: ConnectorForm, clear: Set<string>, submitted: Record<string, unknown>): ConfigError[] {
    return [...clear].flatMap((name) => {
      const field = form.fields.find((f) => f.name === name);
      if (!field) return [configError(name, Code.UNKNOWN_FIELD, `This form has no field "${name}".`)];
      if (!field.locked)
        return [configError(name, Code.NOT_LOCKED, `${field.label} is not locked; send its new value instead.`)];
      if (isValueSet(submitted[name])) {
        return [configError(name, Code.CONFLICTING_CHANGE, `${field.label} cannot be replaced and cleared at once.`)];
      }
      return [];
    });
  }

  /**
   * Validates a submission and splits it into what is stored: unlocked values as they are,
   * locked values encrypted (new ones) or carried over (kept ones). Locked fields the form now
   * hides are dropped with every other hidden value.
   */
  private async prepare(
    principal: Principal,
    form: ConnectorForm,
    configId: string,
    submitted: Record<string, unknown>,
    storedSecrets: Record<string, StoredSecret>,
    kept: ReadonlySet<string>,
  ): Promise<{
    errors: ConfigError[];
    values: Record<string, unknown>;
    secrets: Record<string, StoredSecret>;
    relayId: string | null;
  }> {
    const validated = await validateForm(
      { settingsClass: form.connector.settingsClass, fields: form.fields },
      submitted,
      kept,
    );
    const errors: ConfigError[] = [...validated.errors];
    const values: Record<string, unknown> = {};
    const secrets: Record<string, StoredSecret> = {};
    const at = new Date().toISOString();
    for (const field of form.fields) {
      const value = validated.values[field.name];
      if (!field.locked) {
        if (value !== undefined) values[field.name] = value;
      } else if (value !== undefined) {
        const location = { tenantId: principal.tenantId, configId, field: field.name };
        // Text is sealed as it is; a locked list (secret headers) as JSON, and says so.
        const text = typeof value === 'string';
        secrets[field.name] = {
          value: await this.cipher.encrypt(location, text ? value : JSON.stringify(value)),
          ...(text ? {} : { encoding: 'json' as const }),
          updatedAt: at,
          updatedBy: principal.actor,
        };
      } else if (kept.has(field.name) && storedSecrets[field.name] && validated.visible.has(field.name)) {
        secrets[field.name] = storedSecrets[field.name];
      }
    }
    const relay = await chooseRelay(this.store.relays, principal.tenantId, { fields: form.fields, values });
    if (relay.kind === 'PROBLEM') errors.push(configError(relay.field, Code[relay.code], relay.message));
    const relayId = relay.kind === 'DIRECT' ? null : relay.relayId;
    return { errors, values, secrets, relayId };
  }

  private changedFields(before: StoredConfig, after: StoredConfig): string[] {
    const names = new Set([...Object.keys(before.values), ...Object.keys(after.values)]);
    const changed = [...names].filter((name) => !isDeepStrictEqual(before.values[name], after.values[name]));
    const secretNames = new Set([...Object.keys(before.secrets), ...Object.keys(after.secrets)]);
    for (const name of secretNames) if (before.secrets[name] !== after.secrets[name]) changed.push(name);
    if (before.name !== after.name) changed.push('name');
    return changed;
  }
}
