import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { InputError } from './errors';
import { packageRoot } from './package-root';

/** UI sign-in through an OIDC provider: whose tokens are accepted and how claims map to tenant and role. */
export interface OidcSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** The claim naming the tenant, such as `plugboard_tenant`. */
  tenantClaim: string;
  /** The claim naming the role: ADMIN, EDITOR or VIEWER. */
  roleClaim: string;
  /** How soon an unknown key id may refetch the key set, in ms (key rotation). */
  jwksCooldownMs: number;
}

/** Who may introspect the schema: everyone (development), or internal and partner keys only. */
export type IntrospectionPolicy = 'all' | 'roles';

/** `enforce`: UI sessions may run only the documents of the codegen manifest. */
export type TrustedDocumentsMode = 'off' | 'enforce';

/** codegen/generated/persisted-documents.json of this package, from src/ or dist/src/. */
export function defaultManifestFile(from = __dirname): string {
  return join(packageRoot(from), 'codegen', 'generated', 'persisted-documents.json');
}

/** Everything Plugboard reads from its environment, parsed and checked in one place at startup. */
export interface PlugboardConfig {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** How long a shutdown waits for requests in flight before closing connections, in ms. */
  shutdownGraceMs: number;
  /** Where the embedded store, the local key file and the first admin key live. */
  dataDir: string;
  /** Set when COSMOS_ENDPOINT is: store in Azure Cosmos DB instead of the embedded SQLite file. */
  cosmos?: { endpoint: string; key?: string; database: string };
  /** Key-encryption keys from the environment; otherwise a local key file. */
  keks: { kind: 'environment'; keys: string; active?: string } | { kind: 'file'; file: string };
  /** An admin key for the `default` tenant to register at startup, for tests and automation. */
  bootstrapAdminKey?: string;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins: string[];
  /** UI sign-in through an OIDC provider; API keys only when unset. */
  oidc?: OidcSettings;
  /** Who may introspect: everyone (development), or internal and partner keys only. */
  introspection: IntrospectionPolicy;
  /** `enforce`: UI sessions may run only the documents in the codegen manifest. */
  trustedDocuments: { mode: TrustedDocumentsMode; manifestFile: string };
  /** The built web client served at `/` (npm run build writes it); absent: `/` says how to build it. */
  webDir: string;
  /** GraphQL requests one caller (API key, or address when anonymous) may make per minute. */
  rateLimitPerMinute: number;
  /** Executions of a document by graphql-js before it is compiled (graphql-jit); 0: at once. */
  compileAfter: number;
  /** Whether spans are exported over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT is set). */
  tracing: boolean;
  /**
   * Set when PLUGBOARD_REDIS_URL is: replicas share relay agents, rate limits, test limits and
   * revocations through Redis. Absent, one process keeps them in memory.
   */
  redis?: { url: string };
  relays: {
    /** How often agents say they are alive; an agent silent for three of these is DEGRADED. */
    heartbeatMs: number;
    /** How long a test sent to an agent may take before RELAY_TIMEOUT. */
    jobTimeoutMs: number;
  };
  /**
   * Where browsers reach Plugboard (PLUGBOARD_PUBLIC_URL), for the OAuth callback address
   * registered at providers; the listening address when unset.
   */
  publicUrl?: string;
  oauth: {
    /** An access token this close to expiry is renewed before the runtime gets it. */
    refreshMarginSeconds: number;
    /** A grant unused and unrefreshed this long is refreshed, before a provider expires it for idleness. */
    refreshIdleDays: number;
    /** How often this replica looks for idle grants. */
    idleCheckIntervalSeconds: number;
    /**
     * `optional`: a browser that opens the start URL is the only one that may finish; a flow
     * started by opening the provider's URL directly is bound by its state alone. `required`:
     * every flow must go through the start URL.
     */
    browserBinding: 'optional' | 'required';
    /** How long a token endpoint whose refreshes keep failing is not asked (its breaker is open). */
    providerCooldownSeconds: number;
  };
  health: {
    /** How often each saved config is re-checked with its saved values (jittered ±10 %). */
    intervalSeconds: number;
    /** How often a replica looks for configs due for a check. */
    tickSeconds: number;
    /** Checks one replica runs at once. */
    concurrency: number;
    /** Days before a credential's expiry that warn. */
    warnDays: number[];
  };
  webhooks: {
    /** Waits between attempts of a failed delivery, in seconds; past the last it is FAILED. */
    retrySeconds: number[];
    /** Finished deliveries older than this are forgotten. */
    retentionDays: number;
  };
  connectionTests: {
    /** Private ranges an operator opens to direct tests (self-hosted deployments). */
    allowedCidrs: string[];
    /** PEM CA certificates trusted besides the public ones (a TLS-inspecting proxy, a private cloud). */
    extraCaCertificates: string[];
    perTenant: number;
    perCredential: number;
    /** Tests this replica runs at once, across tenants. */
    perReplica: number;
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T))
    throw new InputError(`${name} must be one of ${allowed.join(', ')}; it is "${raw}".`);
  return raw as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlugboardConfig {
  const dataDir = env.PLUGBOARD_DATA_DIR || 'data';
  if (env.COSMOS_ENDPOINT && !/^https?:\/\//.test(env.COSMOS_ENDPOINT)) {
    throw new InputError(
      `COSMOS_ENDPOINT must be the account URL, such as https://acme.documents.azure.com:443/; it is "${env.COSMOS_ENDPOINT}".`,
    );
  }
  return {
    // Loopback by default: the embedded setup is for one machine; deployments set HOST=0.0.0.0.
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: integer(env, 'PLUGBOARD_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    shutdownGraceMs: integer(env, 'PLUGBOARD_SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    dataDir,
    cosmos: env.COSMOS_ENDPOINT
      ? {
          endpoint: env.COSMOS_ENDPOINT,
          key: env.COSMOS_KEY || undefined,
          database: env.COSMOS_DATABASE || 'plugboard',
        }
      : undefined,
    keks: env.PLUGBOARD_KEKS
      ? { kind: 'environment', keys: env.PLUGBOARD_KEKS, active: env.PLUGBOARD_KEK_ACTIVE || undefined }
      : { kind: 'file', file: env.PLUGBOARD_KEK_FILE || join(dataDir, 'kek.json') },
    bootstrapAdminKey: env.PLUGBOARD_BOOTSTRAP_ADMIN_KEY || undefined,
    corsOrigins: origins(env, 'PLUGBOARD_CORS_ORIGINS'),
    oidc: env.PLUGBOARD_OIDC_ISSUER
      ? {
          issuer: env.PLUGBOARD_OIDC_ISSUER,
          audience: required(env, 'PLUGBOARD_OIDC_AUDIENCE'),
          jwksUrl: required(env, 'PLUGBOARD_OIDC_JWKS_URL'),
          tenantClaim: env.PLUGBOARD_OIDC_TENANT_CLAIM || 'plugboard_tenant',
          roleClaim: env.PLUGBOARD_OIDC_ROLE_CLAIM || 'plugboard_role',
          jwksCooldownMs: integer(env, 'PLUGBOARD_OIDC_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000),
        }
      : undefined,
    introspection: oneOf(
      env,
      'PLUGBOARD_INTROSPECTION',
      ['all', 'roles'] as const,
      env.NODE_ENV === 'development' ? 'all' : 'roles',
    ),
    trustedDocuments: {
      mode: oneOf(env, 'PLUGBOARD_TRUSTED_DOCUMENTS', ['off', 'enforce'] as const, 'off'),
      manifestFile: env.PLUGBOARD_TRUSTED_DOCUMENTS_FILE || defaultManifestFile(),
    },
    webDir: env.PLUGBOARD_WEB_DIR || join(packageRoot(), 'dist', 'web'),
    rateLimitPerMinute: integer(env, 'PLUGBOARD_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    compileAfter: integer(env, 'PLUGBOARD_GRAPHQL_COMPILE_AFTER', 1, 0, 1_000_000),
    // OpenTelemetry's own variables: an OTLP endpoint turns tracing on; the SDK reads the rest.
    tracing:
      Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
      env.OTEL_SDK_DISABLED !== 'true',
    redis: env.PLUGBOARD_REDIS_URL ? { url: redisUrl(env.PLUGBOARD_REDIS_URL) } : undefined,
    relays: {
      heartbeatMs: integer(env, 'PLUGBOARD_RELAY_HEARTBEAT_MS', 10_000, 50, 300_000),
      jobTimeoutMs: integer(env, 'PLUGBOARD_RELAY_JOB_TIMEOUT_MS', 30_000, 100, 300_000),
    },
    publicUrl: env.PLUGBOARD_PUBLIC_URL ? publicUrl(env.PLUGBOARD_PUBLIC_URL) : undefined,
    oauth: {
      refreshMarginSeconds: integer(env, 'PLUGBOARD_OAUTH_REFRESH_MARGIN_SECONDS', 300, 0, 86_400),
      refreshIdleDays: integer(env, 'PLUGBOARD_OAUTH_REFRESH_IDLE_DAYS', 5, 1, 365),
      idleCheckIntervalSeconds: integer(env, 'PLUGBOARD_OAUTH_IDLE_CHECK_SECONDS', 3600, 1, 86_400),
      browserBinding: oneOf(env, 'PLUGBOARD_OAUTH_BROWSER_BINDING', ['optional', 'required'], 'optional'),
      providerCooldownSeconds: integer(env, 'PLUGBOARD_OAUTH_PROVIDER_COOLDOWN_SECONDS', 30, 1, 3600),
    },
    health: {
      intervalSeconds: integer(env, 'PLUGBOARD_HEALTH_INTERVAL_SECONDS', 86_400, 1, 31 * 86_400),
      tickSeconds: integer(env, 'PLUGBOARD_HEALTH_TICK_SECONDS', 60, 1, 3600),
      concurrency: integer(env, 'PLUGBOARD_HEALTH_CONCURRENCY', 4, 1, 100),
      warnDays: positiveList(env, 'PLUGBOARD_HEALTH_WARN_DAYS', [60, 30, 7], 3650),
    },
    webhooks: {
      retrySeconds: positiveList(
        env,
        'PLUGBOARD_WEBHOOK_RETRY_SECONDS',
        [10, 60, 300, 1800, 7200, 28800, 86400],
        604_800,
      ),
      retentionDays: integer(env, 'PLUGBOARD_WEBHOOK_RETENTION_DAYS', 30, 1, 3650),
    },
    connectionTests: {
      allowedCidrs: cidrs(env, 'PLUGBOARD_OUTBOUND_ALLOW'),
      extraCaCertificates: env.PLUGBOARD_EXTRA_CA_FILE ? [readPem(env.PLUGBOARD_EXTRA_CA_FILE)] : [],
      perTenant: integer(env, 'PLUGBOARD_TEST_LIMIT_PER_TENANT', 10, 1, 1000),
      perCredential: integer(env, 'PLUGBOARD_TEST_LIMIT_PER_CREDENTIAL', 2, 1, 100),
      perReplica: integer(env, 'PLUGBOARD_TEST_LIMIT_PER_REPLICA', 100, 1, 10_000),
    },
  };
}

/** Browser origins: scheme, host and port, exactly as a browser sends them in `Origin`. */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new InputError(
        `${name} must be comma-separated origins such as https://app.example.com (scheme, host and port; no path or trailing slash); "${origin}" is not one.`,
      );
    }
  }
  return list;
}

/** Comma-separated whole numbers from 1 to `max`, such as 60,30,7. */
function positiveList(env: NodeJS.ProcessEnv, name: string, fallback: number[], max: number): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (!values.length || values.some((value) => !Number.isInteger(value) || value < 1 || value > max)) {
    throw new InputError(`${name} must be comma-separated whole numbers from 1 to ${max}; it is "${raw}".`);
  }
  return values;
}

/** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
function publicUrl(raw: string): string {
  const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash) {
    throw new InputError(
      `PLUGBOARD_PUBLIC_URL must be the address browsers reach Plugboard at, such as https://plugboard.example.com; it is "${raw}".`,
    );
  }
  return parsed.href.replace(/\/+$/, '');
}

/** redis:// or rediss:// (TLS), with an optional user, password and database number. */
function redisUrl(raw: string): string {
  const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!parsed || !['redis:', 'rediss:'].includes(parsed.protocol) || !parsed.hostname) {
    throw new InputError(
      'PLUGBOARD_REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379 or rediss://:password@redis.example.com:6380/0.',
    );
  }
  return raw;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new InputError(`${name} is required when PLUGBOARD_OIDC_ISSUER is set.`);
  return value;
}

function cidrs(env: NodeJS.ProcessEnv, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const cidr of list) {
    if (!ipaddr.isValidCIDR(cidr))
      throw new InputError(`${name} must be comma-separated CIDRs such as 10.0.0.0/8; "${cidr}" is not one.`);
  }
  return list;
}

function readPem(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`PLUGBOARD_EXTRA_CA_FILE: cannot read "${file}".`);
  }
}
