import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../auth/principal';
import { type Destinations, TestFailure } from '../connector-kit';
import { PLUGBOARD_EVENT_TYPES } from '../health/health-events';
import type { SecretCipher } from '../secrets/secret-cipher';
import type { Store } from '../store/store.port';
import { SCHEMA_VERSION, type StoredWebhook } from '../store/store.types';

export interface WebhookProblem {
  field: string;
  code: string;
  message: string;
}

export type WebhookWithSecret =
  | { webhook: StoredWebhook; signingSecret: string; errors: [] }
  | { webhook: null; signingSecret: null; errors: WebhookProblem[] };

/** Where a webhook's secret is sealed: bound to the tenant and the webhook. */
const secretPurpose = (id: string) => `webhook-secret:${id}`;

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * A tenant's webhooks: where health and credential events are POSTed. The signing secret is
 * shown once, at creation and rotation, and stored encrypted. A webhook's address passes the
 * same outbound guard as connection tests, at creation and at every delivery.
 */
export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly cipher: SecretCipher,
    private readonly destinations: Destinations,
  ) {}

  async create(principal: Principal, url: string, events: readonly string[]): Promise<WebhookWithSecret> {
    const problems = [...this.eventProblems(events), ...(await this.urlProblems(url))];
    if (problems.length) return { webhook: null, signingSecret: null, errors: problems };
    const id = uuidv7();
    const signingSecret = newSecret();
    const webhook: StoredWebhook = {
      tenantId: principal.tenantId,
      id,
      schemaVersion: SCHEMA_VERSION,
      url,
      events: [...new Set(events)],
      secret: await this.cipher.sealMessage(principal.tenantId, secretPurpose(id), signingSecret),
      createdAt: new Date().toISOString(),
      createdBy: principal.actor,
      secretRotatedAt: null,
    };
    await this.store.webhooks.create(webhook);
    return { webhook, signingSecret, errors: [] };
  }

  list(principal: Principal): Promise<StoredWebhook[]> {
    return this.store.webhooks.list(principal.tenantId);
  }

  async find(principal: Principal, id: string): Promise<StoredWebhook | undefined> {
    return (await this.store.webhooks.list(principal.tenantId)).find((webhook) => webhook.id === id);
  }

  delete(principal: Principal, id: string): Promise<boolean> {
    return this.store.webhooks.delete(principal.tenantId, id);
  }

  /** A new signing secret; the old one stops signing at once. */
  async rotate(principal: Principal, id: string): Promise<WebhookWithSecret> {
    const current = await this.find(principal, id);
    if (!current) {
      return {
        webhook: null,
        signingSecret: null,
        errors: [{ field: 'id', code: 'NOT_FOUND', message: 'No webhook has this id.' }],
      };
    }
    const signingSecret = newSecret();
    const webhook = {
      ...current,
      secret: await this.cipher.sealMessage(principal.tenantId, secretPurpose(id), signingSecret),
      secretRotatedAt: new Date().toISOString(),
    };
    await this.store.webhooks.replace(webhook);
    return { webhook, signingSecret, errors: [] };
  }

  /** The secret a delivery is signed with. */
  signingSecretOf(webhook: StoredWebhook): Promise<string> {
    return this.cipher.openMessage(webhook.tenantId, secretPurpose(webhook.id), webhook.secret);
  }

  private eventProblems(events: readonly string[]): WebhookProblem[] {
    const unknown = events.filter((event) => !(PLUGBOARD_EVENT_TYPES as readonly string[]).includes(event));
    return unknown.length
      ? [
          {
            field: 'events',
            code: 'NOT_AN_OPTION',
            message: `Unknown event types: ${unknown.slice(0, 5).join(', ')}. Known: ${PLUGBOARD_EVENT_TYPES.join(', ')}.`,
          },
        ]
      : [];
  }

  private async urlProblems(url: string): Promise<WebhookProblem[]> {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || url.length > 2048) {
      return [
        { field: 'url', code: 'INVALID_URL', message: 'Give an absolute https:// URL of at most 2,048 characters.' },
      ];
    }
    if (parsed.username || parsed.password) {
      return [
        { field: 'url', code: 'INVALID_URL', message: 'Put no credentials in the URL: deliveries are signed instead.' },
      ];
    }
    try {
      await this.destinations.vet(parsed.hostname.replace(/^\[(.*)\]$/, '$1'), 'url');
    } catch (error) {
      if (!(error instanceof TestFailure)) throw error;
      return [{ field: 'url', code: error.error.code, message: error.error.message }];
    }
    return [];
  }
}
