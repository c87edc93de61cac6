/**
 * The hand-written limits for the bench: node:http and better-sqlite3 doing by hand what
 * Plugboard does for one list page or one save, and answering the same JSON, byte for byte
 * (after ids and dates). No GraphQL, no framework, statements prepared once.
 *
 * BENCH_MODE=list: reads Plugboard's own SQLite file (BENCH_DB, read-only) for `first` configs.
 * BENCH_MODE=save: validates, fills defaults, seals the locked field with AES-256-GCM, and
 * inserts the config and its audit event into a file of its own (BENCH_DB) with Plugboard's
 * schema (the same indexes and triggers).
 * BENCH_KEY_HASH is the SHA-256 (hex, as Plugboard stores it) of the API key it accepts; BENCH_FORM the form:
 * { connectorKey, connectorVersion, fields: [{ name, locked, required, defaultValue }] }.
 */
import { createCipheriv, createHash, randomBytes, randomUUID, timingSafeEqual, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { migrate } from '../src/store/sqlite/sqlite.schema';

interface FormField {
  name: string;
  locked: boolean;
  required: boolean;
  certificate: boolean;
  defaultValue: unknown;
}
interface Form {
  connectorKey: string;
  connectorVersion: number;
  /** Whether the connector offers a consent flow (then a config has an `oauthGrant` to read). */
  consent: boolean;
  fields: FormField[];
}
interface HealthIssue {
  code: string;
  field: string | null;
  message: string;
  hint: string | null;
  openedAt: string;
  resolvedAt: string | null;
}
interface StoredSecret {
  updatedAt: string;
  updatedBy: string;
}
interface StoredConfig {
  id: string;
  name: string;
  version: number;
  connectorVersion: number;
  connectorKey: string;
  integrationKey: string | null;
  values: Record<string, unknown>;
  secrets: Record<string, StoredSecret>;
  clearedSecrets: Record<string, StoredSecret>;
  relayId: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  lastTest: { ok: boolean; code: string | null; at: string; by: string } | null;
  health?: {
    status: string;
    checkedAt: string | null;
    issues: HealthIssue[];
    reportedExpiries?: { field: string; expiresAt: string }[];
  } | null;
  secretExpiries?: Record<string, string>;
}

const mode = process.env.BENCH_MODE;
const form = JSON.parse(process.env.BENCH_FORM ?? '{}') as Form;
const keyHash = Buffer.from(process.env.BENCH_KEY_HASH ?? '', 'hex');
const tenantId = 'default';
const db = new Database(process.env.BENCH_DB ?? ':memory:', { readonly: mode === 'list' });
const locked = form.fields.filter((field) => field.locked);
const certificateFields = form.fields.filter((field) => field.certificate);
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const globalId = (id: string) => Buffer.from(`ConnectorConfig:${id}`).toString('base64url');
const cursor = (id: string) => Buffer.from(JSON.stringify({ id })).toString('base64url');

/** The API key's principal, or undefined: one SHA-256 and a constant-time compare. */
function actorOf(request: IncomingMessage): string | undefined {
  const key = /^Bearer (pbk_[a-z0-9-]+)\.([0-9a-f]{16})\.\S+$/.exec(request.headers.authorization ?? '');
  if (!key) return undefined;
  const hash = createHash('sha256').update(key[0].slice('Bearer '.length)).digest();
  return hash.length === keyHash.length && timingSafeEqual(hash, keyHash) ? `api-key:${key[2]}` : undefined;
}

/** The earliest notAfter of the certificates pasted in a field, as Plugboard reads them. */
function certificateExpiry(pem: unknown): string | undefined {
  if (typeof pem !== 'string') return undefined;
  const notAfter = (pem.match(PEM_BLOCK) ?? []).map((block) => Date.parse(new X509Certificate(block).validTo));
  return notAfter.length ? new Date(Math.min(...notAfter)).toISOString() : undefined;
}

/** Certificate fields, then what a provider reported, then dates entered for set secrets; soonest first. */
function credentialExpiry(config: StoredConfig) {
  const found: { field: string; expiresAt: string; source: string }[] = [];
  for (const { name } of certificateFields) {
    const expiresAt = certificateExpiry(config.values[name]);
    if (expiresAt) found.push({ field: name, expiresAt, source: 'CERTIFICATE' });
  }
  for (const { field, expiresAt } of config.health?.reportedExpiries ?? []) {
    found.push({ field, expiresAt, source: 'PROVIDER' });
  }
  for (const [field, expiresAt] of Object.entries(config.secretExpiries ?? {})) {
    if (config.secrets[field]) found.push({ field, expiresAt, source: 'USER' });
  }
  return found.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

function node(config: StoredConfig) {
  return {
    id: globalId(config.id),
    name: config.name,
    version: config.version,
    connectorVersion: config.connectorVersion,
    values: config.values,
    connectorType: { key: config.connectorKey, integration: config.integrationKey },
    integration: config.integrationKey ? { key: config.integrationKey } : null,
    lockedFields: locked.map(({ name }) => {
      const stored = config.secrets[name] ?? config.clearedSecrets[name];
      return {
        field: name,
        isSet: name in config.secrets,
        updatedAt: stored?.updatedAt ?? null,
        updatedBy: stored?.updatedBy ?? null,
      };
    }),
    relay: null,
    createdAt: config.createdAt,
    createdBy: config.createdBy,
    updatedAt: config.updatedAt,
    updatedBy: config.updatedBy,
    lastTest: config.lastTest,
    // The bench's connector has no consent flow: no grant to read (BENCH_FORM.consent).
    oauthGrant: form.consent ? undefined : null,
    health: {
      status: config.health?.status ?? 'UNKNOWN',
      checkedAt: config.health?.checkedAt ?? null,
      issues: (config.health?.issues ?? []).map(({ code, field, message, hint, openedAt, resolvedAt }) => ({
        code,
        field,
        message,
        hint,
        openedAt,
        resolvedAt,
      })),
    },
    credentialExpiry: credentialExpiry(config),
  };
}

function listPage(): (body: { variables?: { first?: number } }) => unknown {
  const page = db.prepare('SELECT doc FROM configs WHERE tenant_id = ? ORDER BY id LIMIT ?');
  return (body) => {
    const first = Math.min(body.variables?.first ?? 20, 100);
    const rows = (page.all(tenantId, first + 1) as { doc: string }[]).map((row) => JSON.parse(row.doc) as StoredConfig);
    const items = rows.slice(0, first);
    return {
      data: {
        connectorConfigs: {
          edges: items.map((config) => ({ cursor: cursor(config.id), node: node(config) })),
          pageInfo: {
            hasNextPage: rows.length > first,
            hasPreviousPage: false,
            startCursor: items.length ? cursor(items[0].id) : null,
            endCursor: items.length ? cursor(items[items.length - 1].id) : null,
          },
        },
      },
    };
  };
}

function save(): (body: { variables?: { input?: Record<string, unknown> } }, actor: string) => unknown {
  // Plugboard's own tables, indexes and triggers (the name index, the health schedule): an insert
  // maintains exactly what Plugboard's does.
  db.pragma('journal_mode = WAL');
  migrate(db);
  const insertConfig = db.prepare(
    'INSERT INTO configs (tenant_id, id, name_lower, connector_key, integration_key, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAudit = db.prepare('INSERT INTO audit_events (tenant_id, id, doc) VALUES (?, ?, ?)');
  const dataKey = randomBytes(32);
  return (body, actor) => {
    const input = body.variables?.input ?? {};
    const given = (input.values ?? {}) as Record<string, unknown>;
    const missing = form.fields.filter(
      (field) => field.required && (given[field.name] ?? field.defaultValue ?? '') === '',
    );
    if (missing.length || typeof input.name !== 'string' || !input.name.trim()) {
      return { data: { createConnectorConfig: { config: null, errors: [{ field: 'values', code: 'REQUIRED' }] } } };
    }
    const now = new Date().toISOString();
    const id = randomUUID();
    const values: Record<string, unknown> = {};
    const secrets: Record<string, StoredSecret & { value: unknown }> = {};
    for (const field of form.fields) {
      const value = given[field.name] ?? field.defaultValue ?? undefined;
      if (value === undefined || value === null) continue;
      if (!field.locked) {
        values[field.name] = value;
        continue;
      }
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(Buffer.from(`plugboard:field:v1:${tenantId}:${id}:${field.name}`));
      const ciphertext = Buffer.concat([cipher.update(String(value), 'utf8'), cipher.final()]);
      secrets[field.name] = {
        value: {
          alg: 'A256GCM',
          iv: iv.toString('base64'),
          ciphertext: ciphertext.toString('base64'),
          tag: cipher.getAuthTag().toString('base64'),
        },
        updatedAt: now,
        updatedBy: actor,
      };
    }
    const config: StoredConfig = {
      id,
      name: input.name,
      version: 1,
      connectorVersion: form.connectorVersion,
      connectorKey: form.connectorKey,
      integrationKey: null,
      values,
      secrets,
      clearedSecrets: {},
      relayId: null,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
      updatedBy: actor,
      lastTest: null,
    };
    insertConfig.run(tenantId, id, input.name.toLowerCase(), form.connectorKey, null, 1, JSON.stringify(config));
    const audit = { tenantId, id: randomUUID(), at: now, actor, action: 'config.created', targetId: id };
    insertAudit.run(tenantId, audit.id, JSON.stringify({ ...audit, fields: Object.keys(given).sort() }));
    return { data: { createConnectorConfig: { config: node(config), errors: [] } } };
  };
}

const answerList = mode === 'list' ? listPage() : undefined;
const answerSave = mode === 'save' ? save() : undefined;

function answer(request: IncomingMessage, response: ServerResponse, text: string): void {
  const actor = actorOf(request);
  let result: unknown;
  if (!actor) result = { errors: [{ message: 'Sign in with an API key.' }] };
  else {
    const body = JSON.parse(text);
    result = answerList ? answerList(body) : answerSave?.(body, actor);
  }
  const bytes = Buffer.from(`${JSON.stringify(result)}\n`);
  response.writeHead(actor ? 200 : 401, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
  });
  response.end(bytes);
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
