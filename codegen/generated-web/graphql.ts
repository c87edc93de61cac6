/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a key may do in its tenant. */
export type ApiKeyRole =
  /** Everything in the tenant, including keys and the audit log. */
  | 'ADMIN'
  /** Read, save and test configs. */
  | 'EDITOR'
  /** A platform key for internal tools: introspection, the SDL with directives and the catalogue. */
  | 'INTERNAL'
  /** A platform key for partners: the catalogue, integrations and introspection; no tenant data. */
  | 'PARTNER'
  /** Only read configs with their secrets decrypted (connectorRuntimeConfig), for the integration runtime. */
  | 'RUNTIME'
  /** Read configs. */
  | 'VIEWER';

/** What kind of problem a connection test found. */
export type ConnectionTestErrorCategory =
  | 'CONFIGURATION'
  | 'CREDENTIALS'
  | 'IDENTITY_POLICY'
  | 'INTERNAL'
  | 'NETWORK'
  | 'PERMISSION'
  | 'PROVIDER'
  | 'RELAY'
  | 'THROTTLING'
  | 'TLS';

/** A failure a connection test can report. docs/connection-test-errors.md lists each with its message and fix. */
export type ConnectionTestErrorCode =
  | 'ACCESS_RULE_REJECTED'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_LOCKED'
  | 'APP_NOT_FOUND'
  | 'CLOCK_SKEW'
  | 'CONDITIONAL_ACCESS_BLOCKED'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'CONSENT_REQUIRED'
  | 'CREDENTIAL_EXPIRED'
  | 'DATABASE_NOT_FOUND'
  | 'DESTINATION_NOT_ALLOWED'
  | 'DNS_NOT_FOUND'
  | 'HOST_KEY_MISMATCH'
  | 'HOST_KEY_UNKNOWN'
  | 'HOST_UNREACHABLE'
  | 'INTERNAL'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_VALUE'
  | 'LEGACY_AUTH_BLOCKED'
  | 'LOCKED_FIELD_NOT_REENTERED'
  | 'MFA_REQUIRED'
  | 'NOT_FOUND'
  | 'OAUTH_ACCESS_DENIED'
  | 'OAUTH_NOT_CONNECTED'
  | 'OAUTH_REFRESH_FAILED'
  | 'OAUTH_REFRESH_INTERRUPTED'
  | 'PASSWORD_EXPIRED'
  | 'PERMISSION_DENIED'
  | 'PROVIDER_ERROR'
  | 'PROVIDER_UNAVAILABLE'
  | 'RELAY_DEGRADED'
  | 'RELAY_DISCONNECTED'
  | 'RELAY_NOT_ALLOWED'
  | 'RELAY_OFFLINE'
  | 'RELAY_REVOKED'
  | 'RELAY_SERVICE_UNAVAILABLE'
  | 'RELAY_TIMEOUT'
  | 'TENANT_NOT_FOUND'
  | 'TEST_RATE_LIMITED'
  | 'THROTTLED'
  | 'TIMEOUT'
  | 'TLS_EXPIRED'
  | 'TLS_HANDSHAKE_FAILED'
  | 'TLS_HOSTNAME_MISMATCH'
  | 'TLS_NOT_SUPPORTED'
  | 'TLS_REQUIRED'
  | 'TLS_SELF_SIGNED'
  | 'TLS_UNKNOWN_CA'
  | 'TOO_MANY_CONNECTIONS'
  | 'UNEXPECTED_RESPONSE'
  | 'UNKNOWN_RELAY'
  | 'WRONG_CLOUD';

/** How a connection test ended. */
export type ConnectionTestStatus =
  /** A step failed; `errors` says which field, why, and the fix. */
  | 'FAILED'
  /** Nothing was attempted: invalid input, a locked field not re-entered, or a limit. */
  | 'REFUSED'
  /** Every step passed. */
  | 'SUCCEEDED';

/** How one step of a test ended. */
export type ConnectionTestStepStatus =
  | 'FAILED'
  | 'SKIPPED'
  | 'SUCCEEDED';

/** Where the test ran from. */
export type ConnectionTestedVia =
  /** From Plugboard itself. */
  | 'DIRECT'
  /** From a relay agent inside the client's network. */
  | 'RELAY';

/** Narrows a list of configs. All given conditions must hold. */
export type ConnectorConfigFilter = {
  /** Only configs of this connector key. */
  connectorType?: string | number | null | undefined;
  /** Only configs of this integration. */
  integration?: string | number | null | undefined;
  /** Only configs whose name contains this, ignoring case. */
  nameContains?: string | null | undefined;
};

/** Typed settings: exactly one member, named after the connector key in camelCase. */
export type ConnectorSettingsInput =
  {   /** Settings of the Jira Cloud connector (`jira-cloud`). */
  jiraCloud: JiraCloudSettingsInput; ldap?: never; microsoftGraph?: never; okta?: never; postgresql?: never; restApi?: never; salesforce?: never; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never;   /** Settings of the LDAP / Active Directory connector (`ldap`). */
  ldap: LdapSettingsInput; microsoftGraph?: never; okta?: never; postgresql?: never; restApi?: never; salesforce?: never; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never;   /** Settings of the Microsoft 365 (Entra ID and Graph) connector (`microsoft-graph`). */
  microsoftGraph: MicrosoftGraphSettingsInput; okta?: never; postgresql?: never; restApi?: never; salesforce?: never; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never;   /** Settings of the Okta connector (`okta`). */
  okta: OktaSettingsInput; postgresql?: never; restApi?: never; salesforce?: never; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never; okta?: never;   /** Settings of the PostgreSQL connector (`postgresql`). */
  postgresql: PostgresqlSettingsInput; restApi?: never; salesforce?: never; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never; okta?: never; postgresql?: never;   /** Settings of the REST API connector (`rest-api`). */
  restApi: RestApiSettingsInput; salesforce?: never; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never; okta?: never; postgresql?: never; restApi?: never;   /** Settings of the Salesforce connector (`salesforce`). */
  salesforce: SalesforceSettingsInput; servicenow?: never; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never; okta?: never; postgresql?: never; restApi?: never; salesforce?: never;   /** Settings of the ServiceNow connector (`servicenow`). */
  servicenow: ServicenowSettingsInput; sftp?: never; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never; okta?: never; postgresql?: never; restApi?: never; salesforce?: never; servicenow?: never;   /** Settings of the SFTP server connector (`sftp`). */
  sftp: SftpSettingsInput; smtp?: never; }
  |  { jiraCloud?: never; ldap?: never; microsoftGraph?: never; okta?: never; postgresql?: never; restApi?: never; salesforce?: never; servicenow?: never; sftp?: never;   /** Settings of the SMTP mail connector (`smtp`). */
  smtp: SmtpSettingsInput; };

/** A new API key for your tenant. */
export type CreateApiKeyInput = {
  /** What it is for, such as "CI pipeline". */
  name: string;
  /** What it may do. */
  role: ApiKeyRole;
};

/** A new config. Give the values either as `values` (a name → value map, as generic forms send) or as typed `settings`, not both. */
export type CreateConnectorConfigInput = {
  /** The connector key. May be left out when typed `settings` name it. */
  connectorType?: string | number | null | undefined;
  /** The integration whose form this is; its overlay applies. */
  integration?: string | number | null | undefined;
  /** A name for it, unique enough for people to tell configs apart. */
  name: string;
  /** The same values, typed. */
  settings?: ConnectorSettingsInput | null | undefined;
  /** Field name → value. Locked fields take plain text. */
  values?: Record<string, unknown> | null | undefined;
};

/** A new webhook. */
export type CreateWebhookInput = {
  /** Event types to receive: config.health.failing, config.health.recovered, config.health.degraded, credential.expiring, credential.expired, oauth.refresh_failed. All when omitted. */
  events?: Array<string> | null | undefined;
  /** An https:// address; it passes the same outbound guard as connection tests. */
  url: string;
};

/** Where an expiry date comes from. */
export type CredentialExpirySource =
  /** A pasted certificate's notAfter (the earliest of a bundle). */
  | 'CERTIFICATE'
  /** The provider's word on when the grant's refresh token ends. */
  | 'OAUTH_GRANT'
  /** What the provider reports about the credential. */
  | 'PROVIDER'
  /** A date a person entered, for a secret whose expiry cannot be read. */
  | 'USER';

/** The config to delete, at the version you read. */
export type DeleteConnectorConfigInput = {
  /** The version you read. A stale one is refused with VERSION_CONFLICT. */
  expectedVersion: number;
  /** The global id of the config. */
  id: string | number;
};

/** Forgets a config's grant. */
export type DisconnectOAuthGrantInput = {
  /** The config. */
  configId: string | number;
};

/** Which agent of a relay to drain. */
export type DrainRelayAgentInput = {
  /** The agent's name, as `agents { name }` shows it. */
  agent: string;
  /** The relay. */
  relayId: string | number;
};

/** A named value format that clients can check before sending. The server checks it too. */
export type FieldFormat =
  /** An LDAP distinguished name such as CN=svc,OU=Users,DC=corp,DC=example. */
  | 'DISTINGUISHED_NAME'
  /** An absolute https:// URL. */
  | 'HTTPS_URL'
  /** An HTTP header field name (RFC 9110 token). */
  | 'HTTP_HEADER_NAME'
  /** An ldap:// or ldaps:// URL. */
  | 'LDAP_URL'
  /** One or more PEM blocks of type CERTIFICATE. */
  | 'PEM_CERTIFICATE'
  /** A PEM or OpenSSH private key block. */
  | 'PEM_PRIVATE_KEY'
  /** An OpenSSH SHA-256 fingerprint: SHA256: followed by unpadded base64. */
  | 'SSH_FINGERPRINT'
  /** A GUID such as 00000000-0000-0000-0000-000000000000. */
  | 'UUID'
  /** A GUID, or a DNS domain such as contoso.onmicrosoft.com. */
  | 'UUID_OR_DOMAIN';

/** The kind of control a client renders, and the shape of the value it collects. */
export type FormFieldType =
  /** A yes/no switch. */
  | 'BOOLEAN'
  /** A public X.509 certificate or CA bundle in PEM form. */
  | 'CERTIFICATE'
  /** An e-mail address. */
  | 'EMAIL'
  /** A DNS name or IP address, without scheme or port. */
  | 'HOSTNAME'
  /** A whole number. */
  | 'INTEGER'
  /** A JSON object. */
  | 'JSON'
  /** An ordered list of name/value pairs, such as custom HTTP headers. */
  | 'KEY_VALUE_LIST'
  /** Any number of values out of `options`, as a list. */
  | 'MULTISELECT'
  /** A number, possibly fractional. */
  | 'NUMBER'
  /** A private key in PEM or OpenSSH form. Always locked. */
  | 'PRIVATE_KEY'
  /** The id of one of the tenant's relays; clients offer a relay picker. */
  | 'RELAY'
  /** A password, key or token. Always locked: write-only, never shown again. */
  | 'SECRET'
  /** One value out of `options`. */
  | 'SELECT'
  /** A single line of text. */
  | 'TEXT'
  /** Several lines of text. */
  | 'TEXTAREA'
  /** An absolute URL. `validation.protocols` lists the schemes accepted. */
  | 'URL';

/** The section of a connector form a field belongs to. Sections are shown in this order. */
export type FormSectionKind =
  /** Options that fit the integration to the client's workflow. */
  | 'ADDITIONAL_OPTIONS'
  /** Alternative authentication methods and tuning, such as what conditional access requires. */
  | 'ADVANCED_OPTIONS'
  /** Where the program is and how to sign in: environment URLs, accounts, credentials. */
  | 'GENERAL'
  /** Which relay agent, running inside the client's network, reaches a program the internet cannot. */
  | 'RELAY_OPTIONS';

/** A saved config's health, as its last health check (with the saved values) found it. */
export type HealthStatus =
  /** Working, but reduced: throttled, or its relay service partly down. */
  | 'DEGRADED'
  /** The last check failed: see the open issue. */
  | 'FAILING'
  /** The last check passed. */
  | 'HEALTHY'
  /** Never checked yet. */
  | 'UNKNOWN';

/** Values for the Jira Cloud connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type JiraCloudSettingsInput = {
  /** API token: Created at id.atlassian.com > Security > API tokens. Tokens expire; the expiry date is shown there. Locked: write-only and stored encrypted; reads return only whether it is set. */
  apiToken?: string | null | undefined;
  /** Atlassian API host: Only for Atlassian Government Cloud or a test endpoint; leave empty for api.atlassian.com. */
  atlassianApiHost?: string | null | undefined;
  /** Atlassian sign-in host: Only for Atlassian Government Cloud or a test endpoint; leave empty for auth.atlassian.com. */
  atlassianAuthHost?: string | null | undefined;
  /** Authentication. */
  authMethod?: string | null | undefined;
  /** Client ID: The app's client ID, from its Settings page in the developer console. */
  clientId?: string | null | undefined;
  /** Client secret. Locked: write-only and stored encrypted; reads return only whether it is set. */
  clientSecret?: string | null | undefined;
  /** Account e-mail: The e-mail address of the Atlassian account the integration acts as. */
  email?: string | null | undefined;
  /** Issue type: The issue type created for new tickets. */
  issueType?: string | null | undefined;
  /** Project key: The project issues are synced with. The test checks the account can browse it. */
  projectKey?: string | null | undefined;
  /** Site URL. */
  siteUrl?: string | null | undefined;
};

/** One name/value pair, such as a custom HTTP header. */
export type KeyValuePairInput = {
  /** The name, such as an HTTP header name. */
  name: string;
  /** The value. */
  value: string;
};

/** Values for the LDAP / Active Directory connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type LdapSettingsInput = {
  /** Base DN: Where searches start. The test reads this entry to check the account may see it. */
  baseDn?: string | null | undefined;
  /** Bind account: A distinguished name, a UPN (svc-plugboard@corp.example) or CORP\svc-plugboard. */
  bindDn?: string | null | undefined;
  /** Bind password: Never empty: Active Directory treats an empty password as an anonymous sign-in. Locked: write-only and stored encrypted; reads return only whether it is set. */
  bindPassword?: string | null | undefined;
  /** CA certificate: The PEM certificate of the authority that signed the domain controller's certificate (usually your enterprise CA), when it is not a public one. */
  caCertificate?: string | null | undefined;
  /** Group base DN: Where groups are read from, when not under the base DN. */
  groupBaseDn?: string | null | undefined;
  /** Server: A domain controller or LDAP server. Use the name its certificate carries. */
  host?: string | null | undefined;
  /** Port: 636 for LDAPS; 389 for StartTLS or plain LDAP. */
  port?: number | null | undefined;
  /** Relay: Pick a relay when the internet cannot reach this program, for example a server inside the client's network. Leave empty to connect directly. */
  relayId?: string | number | null | undefined;
  /** Encryption. */
  security?: string | null | undefined;
  /** TLS server name: The name to expect in the certificate, when it differs from the server address. */
  tlsServerName?: string | null | undefined;
  /** User filter: An LDAP filter that selects the users to read. */
  userFilter?: string | null | undefined;
};

/** Values for the Microsoft 365 (Entra ID and Graph) connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type MicrosoftGraphSettingsInput = {
  /** App credential. */
  authMethod?: string | null | undefined;
  /** Sign-in host override: Replaces the national cloud's sign-in host, for a private or test endpoint. Leave empty otherwise. */
  authorityHost?: string | null | undefined;
  /** Certificate: The public certificate (PEM) uploaded to the app registration. Its thumbprint identifies the key. */
  certificate?: string | null | undefined;
  /** Application (client) ID: The GUID on the app registration's Overview page. */
  clientId?: string | null | undefined;
  /** Client secret: The secret's Value, shown once when it is created, not its Secret ID. Secrets expire: note the expiry date and renew before it. Locked: write-only and stored encrypted; reads return only whether it is set. */
  clientSecret?: string | null | undefined;
  /** Delegated permissions: Space-separated delegated permissions the user consents to, as listed under API permissions. offline_access is added, so access can be renewed. */
  delegatedScopes?: string | null | undefined;
  /** Graph host override: Replaces the national cloud's Graph host. Must belong to the same cloud as the sign-in host. */
  graphHost?: string | null | undefined;
  /** Sign in as a user (legacy): Uses a user's name and password (the OAuth password grant) instead of the app's own permissions. It fails for accounts that need MFA, for federated and passwordless accounts, and wherever conditional access or security defaults block legacy authentication. Use it only for a dedicated service account excluded from those policies. */
  legacyUserSignIn?: boolean | null | undefined;
  /** National cloud: Tokens from one cloud do not work in another. Pick the cloud the tenant lives in. */
  nationalCloud?: string | null | undefined;
  /** Password: Leading and trailing spaces are not supported by this sign-in method. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Permission to check: The test signs in, then makes one Graph call that needs this application permission, with admin consent granted. */
  permissionProbe?: string | null | undefined;
  /** Certificate private key: The private key of that certificate, in PEM form. Locked: write-only and stored encrypted; reads return only whether it is set. */
  privateKey?: string | null | undefined;
  /** Private key passphrase: Only when the private key is encrypted. Locked: write-only and stored encrypted; reads return only whether it is set. */
  privateKeyPassphrase?: string | null | undefined;
  /** SharePoint site: The site whose document library receives exported files. */
  sharePointSiteUrl?: string | null | undefined;
  /** Directory (tenant) ID: The tenant GUID or a verified domain, from the app registration's Overview page in the Entra admin center. Not "common". */
  tenantId?: string | null | undefined;
  /** User filter: An OData $filter that limits which users are read. */
  userFilter?: string | null | undefined;
  /** Username: The account's user principal name. */
  username?: string | null | undefined;
};

/** Where a config stands with delegated access granted through the provider's consent screen. */
export type OAuthGrantStatus =
  /** Granted: the runtime gets a valid access token, refreshed ahead of expiry. */
  | 'CONNECTED'
  /** No consent has completed yet (or the last attempt failed before any did). */
  | 'NOT_CONNECTED'
  /** The provider stopped honouring the grant. Reconnect. */
  | 'REFRESH_FAILED'
  /** Disconnected in Plugboard: the tokens are gone. Reconnect to use it again. */
  | 'REVOKED';

/** Values for the Okta connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type OktaSettingsInput = {
  /** API token. Locked: write-only and stored encrypted; reads return only whether it is set. */
  apiToken?: string | null | undefined;
  /** Authentication. */
  authMethod?: string | null | undefined;
  /** Client ID. */
  clientId?: string | null | undefined;
  /** Client secret: The web app's client secret, from its General tab. Locked: write-only and stored encrypted; reads return only whether it is set. */
  clientSecret?: string | null | undefined;
  /** Key ID: The kid of the registered key, when the app has more than one. */
  keyId?: string | null | undefined;
  /** Org URL: Your Okta domain, without -admin. */
  orgUrl?: string | null | undefined;
  /** Private key: The private key whose public key is registered on the service app; it signs each token request. Locked: write-only and stored encrypted; reads return only whether it is set. */
  privateKey?: string | null | undefined;
  /** Scopes: Grant the same scopes to the app on its Okta API Scopes tab. */
  scopes?: Array<string> | null | undefined;
};

/** Values for the PostgreSQL connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type PostgresqlSettingsInput = {
  /** CA certificate: The PEM certificate of the authority that signed the server's certificate, when it is not a public one. */
  caCertificate?: string | null | undefined;
  /** Client certificate: For servers whose pg_hba.conf asks for a client certificate (cert authentication). */
  clientCertificate?: string | null | undefined;
  /** Client private key: The private key of the client certificate, in PEM form. Locked: write-only and stored encrypted; reads return only whether it is set. */
  clientPrivateKey?: string | null | undefined;
  /** Database: The database to connect to. PostgreSQL does not fall back to another one. */
  database?: string | null | undefined;
  /** Host: The DNS name or IP address of the database server, without a port. */
  host?: string | null | undefined;
  /** Password. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Port. */
  port?: number | null | undefined;
  /** Relay: Pick a relay when the internet cannot reach this program, for example a server inside the client's network. Leave empty to connect directly. */
  relayId?: string | number | null | undefined;
  /** Schema: The schema the integration reads and writes; the test checks that the user may use it. */
  schema?: string | null | undefined;
  /** SSL mode: Like libpq's sslmode. "Verify full" is the only mode that stops a man in the middle. */
  sslMode?: string | null | undefined;
  /** Username. */
  username?: string | null | undefined;
};

/** A new relay. */
export type RegisterRelayInput = {
  /** A name for it, such as the site or network it serves. */
  name: string;
};

/** Whether one agent of a relay takes tests now. */
export type RelayAgentStatus =
  /** Connected, but silent for three heartbeats: no tests are sent to it. */
  | 'DEGRADED'
  /** Finishing its running tests, then stopping: no new tests are sent to it. */
  | 'DRAINING'
  /** Connected, answering heartbeats, taking tests. */
  | 'ONLINE';

/** Whether a relay's agents can take tests now. */
export type RelayStatus =
  /** Agents are connected, but some have missed heartbeats or are draining: see `agents`. Tests still run while one is online. */
  | 'DEGRADED'
  /** No agent is connected. */
  | 'OFFLINE'
  /** Agents are connected, and every one answers heartbeats and takes tests. */
  | 'ONLINE';

/** Values for the REST API connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type RestApiSettingsInput = {
  /** API key. Locked: write-only and stored encrypted; reads return only whether it is set. */
  apiKey?: string | null | undefined;
  /** Header name. */
  apiKeyHeaderName?: string | null | undefined;
  /** Query parameter: Keys in URLs end up in proxy and server logs; prefer a header when the API allows it. */
  apiKeyQueryParameter?: string | null | undefined;
  /** Authentication. */
  authMethod?: string | null | undefined;
  /** Authorization URL: The provider's consent screen (its authorization endpoint). */
  authorizeUrl?: string | null | undefined;
  /** Base URL: Paths are joined to it. Use https:// unless the API is only reachable inside a trusted network. */
  baseUrl?: string | null | undefined;
  /** Token: Sent as Authorization: Bearer <token>. Locked: write-only and stored encrypted; reads return only whether it is set. */
  bearerToken?: string | null | undefined;
  /** CA certificate: The PEM certificate of the authority that signed the API's certificate, when it is not a public one. */
  caCertificate?: string | null | undefined;
  /** Client authentication: How the client ID and secret reach the token URL. */
  clientAuthentication?: string | null | undefined;
  /** Client ID. */
  clientId?: string | null | undefined;
  /** Client secret. Locked: write-only and stored encrypted; reads return only whether it is set. */
  clientSecret?: string | null | undefined;
  /** Custom headers: Sent with every request. Not for credentials: these values are shown again. Put headers that carry one (Authorization, X-API-Key, …) in Secret headers. */
  customHeaders?: Array<KeyValuePairInput> | null | undefined;
  /** Expected status: Leave empty to accept any 2xx status. */
  expectedStatus?: number | null | undefined;
  /** Password. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Relay: Pick a relay when the internet cannot reach this program, for example a server inside the client's network. Leave empty to connect directly. */
  relayId?: string | number | null | undefined;
  /** Scopes: Space-separated, as the API documents them. Leave empty for the default scopes. */
  scopes?: string | null | undefined;
  /** Secret headers: Headers that carry a credential, such as Authorization or X-API-Key. Write-only: stored encrypted, never shown again, and entered again for every test. Locked: write-only and stored encrypted; reads return only whether it is set. */
  secretHeaders?: Array<KeyValuePairInput> | null | undefined;
  /** Test request method: The test sends one request that changes nothing. */
  testMethod?: string | null | undefined;
  /** Test path: A path under the base URL that needs the same sign-in as the integration, such as /me. */
  testPath?: string | null | undefined;
  /** Token URL. */
  tokenUrl?: string | null | undefined;
  /** Username. */
  username?: string | null | undefined;
};

/** Values for the Salesforce connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type SalesforceSettingsInput = {
  /** API version: Such as v62.0, with the ".0". Versions before 31.0 are retired. */
  apiVersion?: string | null | undefined;
  /** Authentication. */
  authMethod?: string | null | undefined;
  /** Consumer key: The app's client ID, from its OAuth settings. */
  consumerKey?: string | null | undefined;
  /** Consumer secret: The app's client secret. Locked: write-only and stored encrypted; reads return only whether it is set. */
  consumerSecret?: string | null | undefined;
  /** JWT audience: Only for Experience Cloud sites. Otherwise production uses login.salesforce.com and sandboxes test.salesforce.com. */
  jwtAudience?: string | null | undefined;
  /** Login URL: Prefer your org's My Domain (https://acme.my.salesforce.com; sandboxes: https://acme--uat.sandbox.my.salesforce.com). https://login.salesforce.com is production, https://test.salesforce.com a sandbox. Client credentials only work on My Domain. */
  loginUrl?: string | null | undefined;
  /** Password. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Private key: The RSA private key whose certificate is uploaded to the app ("Use digital signatures"). Locked: write-only and stored encrypted; reads return only whether it is set. */
  privateKey?: string | null | undefined;
  /** Object to check: The test reads the description of this object, to check the integration user may access it. */
  probeObject?: string | null | undefined;
  /** Security token: Sent after the password. Not needed when Plugboard's addresses are trusted IP ranges of the org. Locked: write-only and stored encrypted; reads return only whether it is set. */
  securityToken?: string | null | undefined;
  /** Username: The Salesforce username the integration acts as. */
  username?: string | null | undefined;
};

/** Values for the ServiceNow connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type ServicenowSettingsInput = {
  /** Assignment group: The group new tickets are assigned to. */
  assignmentGroup?: string | null | undefined;
  /** Authentication. */
  authMethod?: string | null | undefined;
  /** Client ID: From System OAuth > Application Registry. */
  clientId?: string | null | undefined;
  /** Client secret. Locked: write-only and stored encrypted; reads return only whether it is set. */
  clientSecret?: string | null | undefined;
  /** Instance URL: The address you sign in at. Custom domains work too. */
  instanceUrl?: string | null | undefined;
  /** Password. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Table to check: The test reads one record of this table, to check the user may read it. Use the table the integration uses. */
  probeTable?: string | null | undefined;
  /** Username: A local ServiceNow user with web service access. */
  username?: string | null | undefined;
};

/** A date for a locked field's expiry, when the credential itself cannot say. */
export type SetCredentialExpiryInput = {
  /** The config. */
  configId: string | number;
  /** The version the person saw: a change since is a VERSION_CONFLICT. */
  expectedVersion: number;
  /** When it expires; null forgets the date. */
  expiresAt?: string | null | undefined;
  /** A locked field holding a value. */
  field: string;
};

/** Values for the SFTP server connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type SftpSettingsInput = {
  /** Authentication. */
  authMethod?: string | null | undefined;
  /** Host. */
  host?: string | null | undefined;
  /** Host key fingerprint: The server's SHA-256 host key fingerprint, so no one can impersonate it. Ask its administrator, or run: ssh-keyscan -p <port> <host> | ssh-keygen -lf - */
  hostKeyFingerprint?: string | null | undefined;
  /** Key passphrase: Only when the private key is encrypted. Locked: write-only and stored encrypted; reads return only whether it is set. */
  passphrase?: string | null | undefined;
  /** Password. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Port. */
  port?: number | null | undefined;
  /** Private key: OpenSSH (BEGIN OPENSSH PRIVATE KEY) or PEM RSA form. A PKCS#8 key (BEGIN PRIVATE KEY) must be converted first: ssh-keygen -p -f <keyfile>. Locked: write-only and stored encrypted; reads return only whether it is set. */
  privateKey?: string | null | undefined;
  /** Relay: Pick a relay when the internet cannot reach this program, for example a server inside the client's network. Leave empty to connect directly. */
  relayId?: string | number | null | undefined;
  /** Root directory: An absolute path, or "." for the login directory. The test lists it to check it exists and may be read. */
  rootDirectory?: string | null | undefined;
  /** Username. */
  username?: string | null | undefined;
};

/** Values for the SMTP mail connector's settings. Omitted fields are left empty (on update, locked fields are kept). */
export type SmtpSettingsInput = {
  /** Access token: An OAuth 2.0 access token for the SMTP scope (Office 365: https://outlook.office365.com/.default). Locked: write-only and stored encrypted; reads return only whether it is set. */
  accessToken?: string | null | undefined;
  /** Authentication: Exchange Online turns SMTP AUTH off by default for new tenants and with security defaults; an admin must enable it for the mailbox. */
  authMethod?: string | null | undefined;
  /** CA certificate: The PEM certificate of the authority that signed the server's certificate, when it is not a public one. */
  caCertificate?: string | null | undefined;
  /** EHLO name: The name Plugboard greets the server with. Some relays only accept known names. */
  ehloName?: string | null | undefined;
  /** From address: Office 365 requires it to be the signed-in mailbox unless that mailbox has Send As permission. */
  fromAddress?: string | null | undefined;
  /** SMTP server: Office 365: smtp.office365.com (port 587, STARTTLS). Gmail: smtp.gmail.com. Use the DNS name, not an IP. */
  host?: string | null | undefined;
  /** Minimum TLS version. */
  minTlsVersion?: string | null | undefined;
  /** Password: With Gmail and 2-Step Verification, an app password. Locked: write-only and stored encrypted; reads return only whether it is set. */
  password?: string | null | undefined;
  /** Port: 587 for submission with STARTTLS, 465 for implicit TLS (not offered by Office 365), 25 for relays. */
  port?: number | null | undefined;
  /** Relay: Pick a relay when the internet cannot reach this program, for example a server inside the client's network. Leave empty to connect directly. */
  relayId?: string | number | null | undefined;
  /** Reply-to address: Where replies go, when not to the from address. */
  replyToAddress?: string | null | undefined;
  /** Encryption. */
  security?: string | null | undefined;
  /** Username: Usually the full mailbox address. */
  username?: string | null | undefined;
};

/** Starts a consent at the provider for a saved config. */
export type StartOAuthAuthorizationInput = {
  /** The saved config to connect. */
  configId: string | number;
  /** The field that chose the flow (`ConnectorType.oauth.field`); the connector's when omitted. */
  field?: string | null | undefined;
  /** Where to send the browser when the provider is done, with `oauth=connected|failed` and `config` added to its query. Must be on Plugboard's origin or one of PLUGBOARD_CORS_ORIGINS. Without it, the callback shows a page. */
  returnUrl?: string | null | undefined;
};

/** A connection test of the form as filled in. Locked fields must be entered: saved values are never used for a test. */
export type TestConnectionInput = {
  /** The saved config being tested: the outcome is recorded on it as lastTest. */
  configId?: string | number | null | undefined;
  /** The connector key. */
  connectorType: string | number;
  /** The integration whose form this is; its overlay applies. */
  integration?: string | number | null | undefined;
  /** A relay to test through, instead of the form's relay field. */
  relay?: string | number | null | undefined;
  /** The same values, typed. */
  settings?: ConnectorSettingsInput | null | undefined;
  /** Field name → value, locked fields in plain text. */
  values?: Record<string, unknown> | null | undefined;
};

/** A stage of a connection test, in the order they run. */
export type TestStepKind =
  /** Sign in with the credentials given. */
  | 'AUTHENTICATE'
  /** Probe one call that needs the permissions the integration uses. */
  | 'AUTHORIZE'
  /** Open the network connection. */
  | 'CONNECT'
  /** Resolve the host name and check the address may be reached. */
  | 'RESOLVE'
  /** Negotiate TLS and verify the server's certificate. */
  | 'TLS';

/** A change to a config. Locked fields are kept when omitted, replaced when given, and cleared only when listed in `clearLockedFields`. */
export type UpdateConnectorConfigInput = {
  /** Locked fields whose stored value to remove. */
  clearLockedFields?: Array<string> | null | undefined;
  /** The version you read. A stale one is refused with VERSION_CONFLICT. */
  expectedVersion: number;
  /** The global id of the config. */
  id: string | number;
  /** A new name; omit to keep it. */
  name?: string | null | undefined;
  /** The same, typed. */
  settings?: ConnectorSettingsInput | null | undefined;
  /** Every unlocked value (replacing the stored ones) and any locked value to replace. Omit to keep all values. */
  values?: Record<string, unknown> | null | undefined;
};

export type FormFieldPartsFragment = { name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, reservedNames: Array<string> | null, secretNames: Array<string> | null, maxItems: number | null } };

export type ConnectorTypePartsFragment = { key: string, name: string, description: string, category: string, version: number, documentationUrl: string | null, integration: string | null, settingsTypeName: string, settingsInputTypeName: string, relayCapable: boolean, connectionTest: { steps: Array<TestStepKind>, timeoutMs: number, discoveredFields: Array<string> }, oauth: { field: string, option: string, providerName: string } | null, sections: Array<{ kind: FormSectionKind, title: string, description: string, fields: Array<{ name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, reservedNames: Array<string> | null, secretNames: Array<string> | null, maxItems: number | null } }> }> };

export type ConnectorTypesQueryVariables = Exact<{
  category?: string | null | undefined;
}>;


export type ConnectorTypesQuery = { connectorTypes: Array<{ key: string, name: string, description: string, category: string, version: number, documentationUrl: string | null, integration: string | null, settingsTypeName: string, settingsInputTypeName: string, relayCapable: boolean, connectionTest: { steps: Array<TestStepKind>, timeoutMs: number, discoveredFields: Array<string> }, oauth: { field: string, option: string, providerName: string } | null, sections: Array<{ kind: FormSectionKind, title: string, description: string, fields: Array<{ name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, reservedNames: Array<string> | null, secretNames: Array<string> | null, maxItems: number | null } }> }> }> };

export type ConnectorTypeQueryVariables = Exact<{
  key: string | number;
  integration?: string | number | null | undefined;
}>;


export type ConnectorTypeQuery = { connectorType: { key: string, name: string, description: string, category: string, version: number, documentationUrl: string | null, integration: string | null, settingsTypeName: string, settingsInputTypeName: string, relayCapable: boolean, connectionTest: { steps: Array<TestStepKind>, timeoutMs: number, discoveredFields: Array<string> }, oauth: { field: string, option: string, providerName: string } | null, sections: Array<{ kind: FormSectionKind, title: string, description: string, fields: Array<{ name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, reservedNames: Array<string> | null, secretNames: Array<string> | null, maxItems: number | null } }> }> } | null };

export type IntegrationsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntegrationsQuery = { integrations: Array<{ key: string, name: string, description: string, connectorTypes: Array<{ key: string, name: string, integration: string | null }> }> };

export type SchemaSdlQueryVariables = Exact<{ [key: string]: never; }>;


export type SchemaSdlQuery = { schemaSdl: string };

export type FieldErrorPartsFragment = { field: string, code: string, message: string, currentVersion: number | null };

export type ConnectorConfigPartsFragment = { id: string, name: string, version: number, connectorVersion: number, values: Record<string, unknown>, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, connectorType: { key: string, integration: string | null }, integration: { key: string } | null, lockedFields: Array<{ field: string, isSet: boolean, updatedAt: string | null, updatedBy: string | null }>, relay: { id: string, name: string, status: RelayStatus } | null, lastTest: { ok: boolean, code: string | null, at: string, by: string } | null, oauthGrant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> };

export type CreateConnectorConfigMutationVariables = Exact<{
  input: CreateConnectorConfigInput;
}>;


export type CreateConnectorConfigMutation = { createConnectorConfig: { config: { id: string, name: string, version: number, connectorVersion: number, values: Record<string, unknown>, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, connectorType: { key: string, integration: string | null }, integration: { key: string } | null, lockedFields: Array<{ field: string, isSet: boolean, updatedAt: string | null, updatedBy: string | null }>, relay: { id: string, name: string, status: RelayStatus } | null, lastTest: { ok: boolean, code: string | null, at: string, by: string } | null, oauthGrant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type UpdateConnectorConfigMutationVariables = Exact<{
  input: UpdateConnectorConfigInput;
}>;


export type UpdateConnectorConfigMutation = { updateConnectorConfig: { config: { id: string, name: string, version: number, connectorVersion: number, values: Record<string, unknown>, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, connectorType: { key: string, integration: string | null }, integration: { key: string } | null, lockedFields: Array<{ field: string, isSet: boolean, updatedAt: string | null, updatedBy: string | null }>, relay: { id: string, name: string, status: RelayStatus } | null, lastTest: { ok: boolean, code: string | null, at: string, by: string } | null, oauthGrant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type DeleteConnectorConfigMutationVariables = Exact<{
  input: DeleteConnectorConfigInput;
}>;


export type DeleteConnectorConfigMutation = { deleteConnectorConfig: { deletedId: string | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type ConnectorConfigQueryVariables = Exact<{
  id: string | number;
}>;


export type ConnectorConfigQuery = { connectorConfig: { id: string, name: string, version: number, connectorVersion: number, values: Record<string, unknown>, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, settings:
      | { __typename: 'JiraCloudSettings' }
      | { __typename: 'LdapSettings' }
      | { __typename: 'MicrosoftGraphSettings' }
      | { __typename: 'OktaSettings' }
      | { __typename: 'PostgresqlSettings', host: string | null, port: number | null, sslMode: string | null, password: { isSet: boolean, updatedAt: string | null, updatedBy: string | null } }
      | { __typename: 'RestApiSettings' }
      | { __typename: 'SalesforceSettings' }
      | { __typename: 'ServicenowSettings' }
      | { __typename: 'SftpSettings' }
      | { __typename: 'SmtpSettings' }
    , connectorType: { key: string, integration: string | null }, integration: { key: string } | null, lockedFields: Array<{ field: string, isSet: boolean, updatedAt: string | null, updatedBy: string | null }>, relay: { id: string, name: string, status: RelayStatus } | null, lastTest: { ok: boolean, code: string | null, at: string, by: string } | null, oauthGrant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } | null };

export type ConnectorConfigsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ConnectorConfigFilter | null | undefined;
}>;


export type ConnectorConfigsQuery = { connectorConfigs: { edges: Array<{ cursor: string, node: { id: string, name: string, version: number, connectorVersion: number, values: Record<string, unknown>, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, connectorType: { key: string, integration: string | null }, integration: { key: string } | null, lockedFields: Array<{ field: string, isSet: boolean, updatedAt: string | null, updatedBy: string | null }>, relay: { id: string, name: string, status: RelayStatus } | null, lastTest: { ok: boolean, code: string | null, at: string, by: string } | null, oauthGrant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'ConnectorConfig', name: string, id: string }
    | { __typename: 'Relay', id: string }
   | null };

export type ConnectorRuntimeConfigQueryVariables = Exact<{
  id: string | number;
}>;


export type ConnectorRuntimeConfigQuery = { connectorRuntimeConfig: { id: string, connectorType: string, connectorVersion: number, integration: string | null, values: Record<string, unknown>, oauth: { status: OAuthGrantStatus, accessToken: string | null, accessTokenExpiresAt: string | null, grantedScopes: Array<string>, providerValues: Record<string, unknown>, problem: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null } | null };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, role: ApiKeyRole, displayPrefix: string, createdAt: string, createdBy: string, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string | null, apiKey: { id: string, name: string, role: ApiKeyRole, displayPrefix: string } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { revokedId: string | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { edges: Array<{ cursor: string, node: { id: string, at: string, actor: string, action: string, targetId: string, fields: Array<string> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EditConnectorConfigQueryVariables = Exact<{
  id: string | number;
}>;


export type EditConnectorConfigQuery = { connectorConfig: { id: string, name: string, version: number, connectorVersion: number, values: Record<string, unknown>, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, connectorType: { key: string, integration: string | null }, integration: { key: string } | null, lockedFields: Array<{ field: string, isSet: boolean, updatedAt: string | null, updatedBy: string | null }>, relay: { id: string, name: string, status: RelayStatus } | null, lastTest: { ok: boolean, code: string | null, at: string, by: string } | null, oauthGrant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } | null };

export type TestConnectionMutationVariables = Exact<{
  input: TestConnectionInput;
}>;


export type TestConnectionMutation = { testConnection: { ok: boolean, status: ConnectionTestStatus, durationMs: number, testedVia: ConnectionTestedVia, steps: Array<{ kind: TestStepKind, status: ConnectionTestStepStatus, durationMs: number }>, errors: Array<{ code: ConnectionTestErrorCode, category: ConnectionTestErrorCategory, field: string | null, section: FormSectionKind | null, message: string, hint: string, retryable: boolean, retryAfterSeconds: number | null, providerCode: string | null, providerMessage: string | null, step: TestStepKind | null, presentedCertificate: { subject: string, issuer: string, validFrom: string, validTo: string, fingerprintSha256: string, subjectAltNames: string | null, caCertificatePem: string | null } | null, presentedHostKey: { type: string, fingerprintSha256: string } | null }> } };

export type ConfigHealthPartsFragment = { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> };

export type CredentialExpiryPartsFragment = { field: string, expiresAt: string, source: CredentialExpirySource };

export type ConfigHealthQueryVariables = Exact<{
  id: string | number;
}>;


export type ConfigHealthQuery = { connectorConfig: { id: string, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> }, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } | null };

export type CheckConfigHealthMutationVariables = Exact<{
  id: string | number;
}>;


export type CheckConfigHealthMutation = { checkConfigHealth: { id: string, health: { status: HealthStatus, checkedAt: string | null, issues: Array<{ code: string, field: string | null, message: string, hint: string, openedAt: string, resolvedAt: string | null }> } } | null };

export type SetCredentialExpiryMutationVariables = Exact<{
  input: SetCredentialExpiryInput;
}>;


export type SetCredentialExpiryMutation = { setCredentialExpiry: { config: { id: string, version: number, credentialExpiry: Array<{ field: string, expiresAt: string, source: CredentialExpirySource }> } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type OAuthGrantPartsFragment = { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null };

export type StartOAuthAuthorizationMutationVariables = Exact<{
  input: StartOAuthAuthorizationInput;
}>;


export type StartOAuthAuthorizationMutation = { startOAuthAuthorization: { authorizationUrl: string | null, startUrl: string | null, state: string | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type DisconnectOAuthGrantMutationVariables = Exact<{
  input: DisconnectOAuthGrantInput;
}>;


export type DisconnectOAuthGrantMutation = { disconnectOAuthGrant: { grant: { status: OAuthGrantStatus, grantedScopes: Array<string>, accessTokenExpiresAt: string | null, lastRefreshedAt: string | null, connectedAt: string | null, connectedBy: string | null, lastError: { code: string, message: string, hint: string, providerCode: string | null, at: string } | null } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type RelayPartsFragment = { id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> };

export type RelaysQueryVariables = Exact<{ [key: string]: never; }>;


export type RelaysQuery = { relays: Array<{ id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> }> };

export type RelayQueryVariables = Exact<{
  id: string | number;
}>;


export type RelayQuery = { relay: { id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> } | null };

export type RegisterRelayMutationVariables = Exact<{
  input: RegisterRelayInput;
}>;


export type RegisterRelayMutation = { registerRelay: { token: string | null, relay: { id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> } | null, errors: Array<{ field: string, code: string, message: string }> } };

export type RotateRelayTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateRelayTokenMutation = { rotateRelayToken: { token: string | null, relay: { id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> } | null, errors: Array<{ field: string, code: string, message: string }> } };

export type RevokeRelayMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeRelayMutation = { revokeRelay: { relay: { id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> } | null, errors: Array<{ field: string, code: string, message: string }> } };

export type DrainRelayAgentMutationVariables = Exact<{
  input: DrainRelayAgentInput;
}>;


export type DrainRelayAgentMutation = { drainRelayAgent: { relay: { id: string, name: string, status: RelayStatus, lastSeenAt: string | null, connectedSince: string | null, agentVersion: string | null, hostname: string | null, testsRun: number, testsFailed: number, createdAt: string, revokedAt: string | null, agentVersionsDiffer: boolean, agents: Array<{ name: string, status: RelayAgentStatus, hostname: string | null, agentVersion: string | null, connectedSince: string, lastSeenAt: string, testsRunning: number, testsRun: number, testsFailed: number }> } | null, errors: Array<{ field: string, code: string, message: string }> } };

export type WebhookPartsFragment = { id: string, url: string, events: Array<string>, createdAt: string, createdBy: string, secretRotatedAt: string | null };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { webhooks: Array<{ id: string, url: string, events: Array<string>, createdAt: string, createdBy: string, secretRotatedAt: string | null }> };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { createWebhook: { signingSecret: string | null, webhook: { id: string, url: string, events: Array<string>, createdAt: string, createdBy: string, secretRotatedAt: string | null } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { signingSecret: string | null, webhook: { id: string, url: string, events: Array<string>, createdAt: string, createdBy: string, secretRotatedAt: string | null } | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type DeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookMutation = { deleteWebhook: { deletedId: string | null, errors: Array<{ field: string, code: string, message: string, currentVersion: number | null }> } };

export type WebhookDeliveriesQueryVariables = Exact<{
  webhookId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { edges: Array<{ cursor: string, node: { id: string, webhookId: string, eventId: string, eventType: string, status: string, attempts: number, lastStatusCode: number | null, lastError: string | null, createdAt: string, deliveredAt: string | null, nextAttemptAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const FormFieldPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormFieldParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"reservedNames"}},{"kind":"Field","name":{"kind":"Name","value":"secretNames"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visibleWhen"}},{"kind":"Field","name":{"kind":"Name","value":"requiredWhen"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}}]} as unknown as DocumentNode<FormFieldPartsFragment, unknown>;
export const ConnectorTypePartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorTypeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"documentationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"integration"}},{"kind":"Field","name":{"kind":"Name","value":"settingsTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"settingsInputTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"relayCapable"}},{"kind":"Field","name":{"kind":"Name","value":"connectionTest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"discoveredFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"oauth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"option"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FormFieldParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormFieldParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"reservedNames"}},{"kind":"Field","name":{"kind":"Name","value":"secretNames"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visibleWhen"}},{"kind":"Field","name":{"kind":"Name","value":"requiredWhen"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}}]} as unknown as DocumentNode<ConnectorTypePartsFragment, unknown>;
export const FieldErrorPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FieldErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]} as unknown as DocumentNode<FieldErrorPartsFragment, unknown>;
export const OAuthGrantPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OAuthGrantParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OAuthGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRefreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<OAuthGrantPartsFragment, unknown>;
export const ConfigHealthPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigHealthParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConfigHealth"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]}}]} as unknown as DocumentNode<ConfigHealthPartsFragment, unknown>;
export const CredentialExpiryPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialExpiryParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CredentialExpiry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<CredentialExpiryPartsFragment, unknown>;
export const ConnectorConfigPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorConfigParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"connectorVersion"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"integration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"integration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lockedFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"isSet"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastTest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"Field","name":{"kind":"Name","value":"oauthGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OAuthGrantParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigHealthParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"credentialExpiry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialExpiryParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OAuthGrantParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OAuthGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRefreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"connectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigHealthParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConfigHealth"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialExpiryParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CredentialExpiry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<ConnectorConfigPartsFragment, unknown>;
export const RelayPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelayParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Relay"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"testsRun"}},{"kind":"Field","name":{"kind":"Name","value":"testsFailed"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersionsDiffer"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"testsRunning"}},{"kind":"Field","name":{"kind":"Name","value":"testsRun"}},{"kind":"Field","name":{"kind":"Name","value":"testsFailed"}}]}}]}}]} as unknown as DocumentNode<RelayPartsFragment, unknown>;
export const WebhookPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}}]}}]} as unknown as DocumentNode<WebhookPartsFragment, unknown>;
export const ConnectorTypesDocument = {"__meta__":{"hash":"sha256:e6ce9da27afd6a3f56509d8cf53bcaf1b58f4dd1c86d3e98aea26f4492f1fccb"}} as unknown as DocumentNode<ConnectorTypesQuery, ConnectorTypesQueryVariables>;
export const ConnectorTypeDocument = {"__meta__":{"hash":"sha256:cef08871720035ebd3336b05dd0d718cf33bcc589b0397664750cc31d3b0d030"}} as unknown as DocumentNode<ConnectorTypeQuery, ConnectorTypeQueryVariables>;
export const IntegrationsDocument = {"__meta__":{"hash":"sha256:d9e5a8a73e14b9aa4c9f9f62d3c45b99777ba83a37c83d76f8817ff5ef806b7c"}} as unknown as DocumentNode<IntegrationsQuery, IntegrationsQueryVariables>;
export const SchemaSdlDocument = {"__meta__":{"hash":"sha256:ac7328741a998464eb8db68f35622ead0365189c0da853a25099a214b552930a"}} as unknown as DocumentNode<SchemaSdlQuery, SchemaSdlQueryVariables>;
export const CreateConnectorConfigDocument = {"__meta__":{"hash":"sha256:5798bfb00ba4fb5f253269a0f4a7766a36558279aa4590d720005a9e9716e928"}} as unknown as DocumentNode<CreateConnectorConfigMutation, CreateConnectorConfigMutationVariables>;
export const UpdateConnectorConfigDocument = {"__meta__":{"hash":"sha256:647c7f81a72d84cbcab0c1f53f7939d2c446f8e26ddda9797ea48dbb45a6717c"}} as unknown as DocumentNode<UpdateConnectorConfigMutation, UpdateConnectorConfigMutationVariables>;
export const DeleteConnectorConfigDocument = {"__meta__":{"hash":"sha256:d7197ab5b223f00fb28ef152571a20736b6ac397ce2b09e903ef191d1da390dd"}} as unknown as DocumentNode<DeleteConnectorConfigMutation, DeleteConnectorConfigMutationVariables>;
export const ConnectorConfigDocument = {"__meta__":{"hash":"sha256:792352ca69b37076eaca0d97a9b73d8f91d144b2b69bd1952686a8173e16adba"}} as unknown as DocumentNode<ConnectorConfigQuery, ConnectorConfigQueryVariables>;
export const ConnectorConfigsDocument = {"__meta__":{"hash":"sha256:ac3e317a259b1911f574bb4e6f250d15ad3e17a46a3e63974dfea36b7f969c0d"}} as unknown as DocumentNode<ConnectorConfigsQuery, ConnectorConfigsQueryVariables>;
export const NodeDocument = {"__meta__":{"hash":"sha256:1d3da9f31d0a73e60b99a9d94d3a51d47ee90daa4a029ed674368cd8f5e8f0b4"}} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const ConnectorRuntimeConfigDocument = {"__meta__":{"hash":"sha256:7093781fd4bcd06a8c36f21adce1fc50dae670744b24f51e305546671cfd0b16"}} as unknown as DocumentNode<ConnectorRuntimeConfigQuery, ConnectorRuntimeConfigQueryVariables>;
export const ApiKeysDocument = {"__meta__":{"hash":"sha256:99eb3e1eb03821cdcd5ce3f99f32a31ccffd4c7bcd452b91c351734551e19b84"}} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"__meta__":{"hash":"sha256:83b72d0f7a28f6df444680cad467280a51a3f709a807c42eef5a5135b1453493"}} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"sha256:2c5f953716eb45d8d629d07cdcad143198acf9ebe30cb057ebda4ec8e5b147a7"}} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AuditEventsDocument = {"__meta__":{"hash":"sha256:f4acaee594dc880acaecfac4a3f1e9b21d7a988578fbddf301fa74b3e2212ac5"}} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const EditConnectorConfigDocument = {"__meta__":{"hash":"sha256:e1ee37537edd871ff3451812f84a69a6e152bf47ce1f0994a3684381ab07e00b"}} as unknown as DocumentNode<EditConnectorConfigQuery, EditConnectorConfigQueryVariables>;
export const TestConnectionDocument = {"__meta__":{"hash":"sha256:8ec069a1486604aaed829850bf536502933017fa1614198db740dff501e8122d"}} as unknown as DocumentNode<TestConnectionMutation, TestConnectionMutationVariables>;
export const ConfigHealthDocument = {"__meta__":{"hash":"sha256:f3950f233fb502bac05ec3bf09de3fcb733405282246f27c145bfb4d7ad613eb"}} as unknown as DocumentNode<ConfigHealthQuery, ConfigHealthQueryVariables>;
export const CheckConfigHealthDocument = {"__meta__":{"hash":"sha256:c886853e7896f727786002a17266cb7303f1b9a3d59188eee4e52b45953486cc"}} as unknown as DocumentNode<CheckConfigHealthMutation, CheckConfigHealthMutationVariables>;
export const SetCredentialExpiryDocument = {"__meta__":{"hash":"sha256:3dab1c911add76dd3e9c58f259e42f4bc1f906f2251ca5a2f05f1e83a1366942"}} as unknown as DocumentNode<SetCredentialExpiryMutation, SetCredentialExpiryMutationVariables>;
export const StartOAuthAuthorizationDocument = {"__meta__":{"hash":"sha256:6eceaf9865b0b5667b34ae2b67cf75888497f722d749a3bb1a442f295acf7ea7"}} as unknown as DocumentNode<StartOAuthAuthorizationMutation, StartOAuthAuthorizationMutationVariables>;
export const DisconnectOAuthGrantDocument = {"__meta__":{"hash":"sha256:1f57e93c0ef224d5f4e6d16854a858e3a262255fb03ad8b28c449aee45edbfed"}} as unknown as DocumentNode<DisconnectOAuthGrantMutation, DisconnectOAuthGrantMutationVariables>;
export const RelaysDocument = {"__meta__":{"hash":"sha256:4d001f4b36adda3a8281bf486c5a3258f9464065afb3619db0b37f50425ada65"}} as unknown as DocumentNode<RelaysQuery, RelaysQueryVariables>;
export const RelayDocument = {"__meta__":{"hash":"sha256:e5304173ae890684791e1a38ab9aefb91e348fd5a687207a2bd7432eda5b60f4"}} as unknown as DocumentNode<RelayQuery, RelayQueryVariables>;
export const RegisterRelayDocument = {"__meta__":{"hash":"sha256:da9add3bcdc8c18912810f327d77365975b95b19c7454852b958b724febd4fcc"}} as unknown as DocumentNode<RegisterRelayMutation, RegisterRelayMutationVariables>;
export const RotateRelayTokenDocument = {"__meta__":{"hash":"sha256:fc2ac1e3a1075a56d00c8aad24e624e2184d4808ea2f018ef9a455688e49447c"}} as unknown as DocumentNode<RotateRelayTokenMutation, RotateRelayTokenMutationVariables>;
export const RevokeRelayDocument = {"__meta__":{"hash":"sha256:06d042f8a191670ae85c862ee159be1946c6ecde59a361622b902a811c9a5747"}} as unknown as DocumentNode<RevokeRelayMutation, RevokeRelayMutationVariables>;
export const DrainRelayAgentDocument = {"__meta__":{"hash":"sha256:457470051120f20672fff61dd8061bc3133f577bb3ee3c277fce14518fb37039"}} as unknown as DocumentNode<DrainRelayAgentMutation, DrainRelayAgentMutationVariables>;
export const WebhooksDocument = {"__meta__":{"hash":"sha256:4542ef2966c1a57e3b7ceee5ef3cace6dadb6f8129c07b003edba60dbe460491"}} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = {"__meta__":{"hash":"sha256:6777de676563dbeee38db883084d917df9de122727f423a283c062cd96dbca4e"}} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const RotateWebhookSecretDocument = {"__meta__":{"hash":"sha256:ecdc642b9dd833f9314262058869b789afc750627d71f7880718ffb1f20cd756"}} as unknown as DocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteWebhookDocument = {"__meta__":{"hash":"sha256:15c3fe122fce3f4134e6cb6b02e69d296f0ca53f9f987b8bd96990c335c7f595"}} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"sha256:63aa935e11903e083e51c0d75471c19b780c0232305443406d1467d64608d5c0"}} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;