import type { AuditLog } from '../audit/audit-log';
import type { ApiKeyService } from '../auth/api-key.service';
import type { Catalogue } from '../catalogue/catalogue';
import type { ConfigService } from '../configs/config.service';
import type { RuntimeConfigService } from '../configs/runtime-config.service';
import type { ConnectionTestService } from '../connection-test/connection-test.service';
import type { HealthChecks } from '../health/health-checks.service';
import type { OAuthAuthorizations } from '../oauth/oauth-authorization.service';
import type { OAuthGrants } from '../oauth/oauth-grants.service';
import type { RelayService } from '../relay/relay.service';
import type { RelayBroker } from '../relay/relay-broker.port';
import type { Store } from '../store/store.port';
import type { WebhookService } from '../webhooks/webhooks.service';

/** What resolvers may use. Built once in app.ts; resolvers never construct their own. */
export interface Services {
  catalogue: Catalogue;
  store: Store;
  configs: ConfigService;
  runtimeConfigs: RuntimeConfigService;
  apiKeys: ApiKeyService;
  audit: AuditLog;
  connectionTests: ConnectionTestService;
  oauthAuthorizations: OAuthAuthorizations;
  oauthGrants: OAuthGrants;
  healthChecks: HealthChecks;
  webhooks: WebhookService;
  relays: RelayService;
  relayBroker: RelayBroker;
  /** How relays' live state is judged (an agent silent for three heartbeats is DEGRADED). */
  relaySettings: { heartbeatMs: number };
}
