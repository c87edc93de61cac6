/** What a webhook can be told. Values never travel in an event: codes, fields and ids only. */
export const PLUGBOARD_EVENT_TYPES = [
  'config.health.failing',
  'config.health.recovered',
  'config.health.degraded',
  'credential.expiring',
  'credential.expired',
  'oauth.refresh_failed',
] as const;

export type PlugboardEventType = (typeof PLUGBOARD_EVENT_TYPES)[number];

export interface PlugboardEvent {
  /** Unique, time-ordered; receivers de-duplicate by it (delivery is at least once). */
  id: string;
  type: PlugboardEventType;
  time: string;
  tenantId: string;
  /** The config's global GraphQL id, as `connectorConfig(id:)` takes it. */
  configId: string;
  field: string | null;
  code: string | null;
  /** With credential.* events: when the credential expires. */
  expiresAt?: string;
}

/** Where events go: the webhook outbox, or nowhere. */
export interface EventSink {
  publish(events: PlugboardEvent[]): Promise<void>;
}
