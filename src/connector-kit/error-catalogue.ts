import { TestErrorCategory as Category, TestErrorCode as Code } from './connection-test.codes';

export interface ErrorDescription {
  category: Category;
  /** Whether trying again unchanged may succeed. */
  retryable: boolean;
  /** What went wrong, in words a person can act on. Testers may give a more precise one. */
  message: string;
  /** What to do about it. */
  hint: string;
}

/**
 * The meaning of every connection-test error code. docs/connection-test-errors.md's table is checked
 * against this one by a test, so UIs and support staff read what the code says.
 */
export const ERROR_CATALOGUE: Readonly<Record<Code, ErrorDescription>> = {
  [Code.INVALID_VALUE]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'A field has a value the connector cannot use.',
    hint: 'Correct the field shown, then test again.',
  },
  [Code.LOCKED_FIELD_NOT_REENTERED]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'This locked field must be re-entered to test: saved values are not used.',
    hint: 'Re-enter the value in this field, then press Test again.',
  },
  [Code.DESTINATION_NOT_ALLOWED]: {
    category: Category.NETWORK,
    retryable: false,
    message: 'Plugboard does not connect to private, loopback, link-local or reserved addresses directly.',
    hint: 'If this program runs inside a private network, pick a relay in Relay Options so the test runs from there.',
  },
  [Code.TEST_RATE_LIMITED]: {
    category: Category.THROTTLING,
    retryable: true,
    message: 'Too many tests are running at once for this tenant or this account.',
    hint: 'Wait for the running tests to finish, then try again.',
  },
  [Code.DNS_NOT_FOUND]: {
    category: Category.NETWORK,
    retryable: false,
    message: 'The host name does not resolve.',
    hint: 'Check the spelling of the host. Names only resolvable inside your network need a relay.',
  },
  [Code.CONNECTION_REFUSED]: {
    category: Category.NETWORK,
    retryable: true,
    message: 'The host refused the connection: nothing listens on that port.',
    hint: 'Check the port, and that the service is running.',
  },
  [Code.CONNECTION_RESET]: {
    category: Category.NETWORK,
    retryable: true,
    message: 'The connection was closed by the other side or something in between.',
    hint: 'Check firewalls and proxies between Plugboard and the host, and that the port speaks this protocol.',
  },
  [Code.HOST_UNREACHABLE]: {
    category: Category.NETWORK,
    retryable: true,
    message: 'The host cannot be reached from Plugboard.',
    hint: 'If the host is inside a private network, pick a relay in Relay Options; otherwise check routing and firewalls.',
  },
  [Code.TIMEOUT]: {
    category: Category.NETWORK,
    retryable: true,
    message: 'The host did not answer in time.',
    hint: 'A firewall may be dropping the traffic, or the host may be inside a private network that needs a relay.',
  },
  [Code.TLS_SELF_SIGNED]: {
    category: Category.TLS,
    retryable: false,
    message: 'The server presented a self-signed certificate.',
    hint: 'Install a certificate from a trusted authority on the server, or have Plugboard trust the one it presented.',
  },
  [Code.TLS_UNKNOWN_CA]: {
    category: Category.TLS,
    retryable: false,
    message: "The server's certificate was issued by an authority Plugboard does not trust.",
    hint: 'Have Plugboard trust the authority that issued the certificate, or install one from a public authority.',
  },
  [Code.TLS_EXPIRED]: {
    category: Category.TLS,
    retryable: false,
    message: "The server's certificate has expired (or is not valid yet).",
    hint: "Ask the server's administrator to renew the certificate, and check the server's clock.",
  },
  [Code.TLS_HOSTNAME_MISMATCH]: {
    category: Category.TLS,
    retryable: false,
    message: "The server's certificate is for another name.",
    hint: 'Use the host name the certificate names, not an IP address or an alias.',
  },
  [Code.TLS_HANDSHAKE_FAILED]: {
    category: Category.TLS,
    retryable: false,
    message: 'The TLS handshake failed.',
    hint: 'Check that the port speaks TLS and supports TLS 1.2 or later.',
  },
  [Code.TLS_REQUIRED]: {
    category: Category.TLS,
    retryable: false,
    message: 'The server requires an encrypted connection.',
    hint: 'Turn encryption on in the connection settings.',
  },
  [Code.TLS_NOT_SUPPORTED]: {
    category: Category.TLS,
    retryable: false,
    message: 'The server does not offer encryption on this port.',
    hint: 'Use the port that offers TLS, or ask the administrator to enable it.',
  },
  [Code.INVALID_CREDENTIALS]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message: 'The credentials were refused.',
    hint: 'Re-enter the credential shown and check the account name.',
  },
  [Code.CREDENTIAL_EXPIRED]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message: 'The credential has expired.',
    hint: 'Create a new secret or token at the provider and enter it here.',
  },
  [Code.PASSWORD_EXPIRED]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message: "The account's password has expired or must be changed.",
    hint: 'Sign in once interactively to set a new password, then enter it here.',
  },
  [Code.ACCOUNT_LOCKED]: {
    category: Category.CREDENTIALS,
    retryable: true,
    message: 'The account is locked, usually after repeated wrong passwords.',
    hint: 'Wait for the lockout to end or ask an administrator to unlock it, and stop other systems retrying an old password.',
  },
  [Code.ACCOUNT_DISABLED]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message: 'The account is disabled or expired.',
    hint: 'Ask an administrator to enable the account or extend its expiry.',
  },
  [Code.MFA_REQUIRED]: {
    category: Category.IDENTITY_POLICY,
    retryable: false,
    message: 'The account must pass multi-factor authentication, which a server-side connection cannot do.',
    hint: 'Use app-only authentication (client secret or certificate), or have an administrator exclude this service account from the MFA policy.',
  },
  [Code.CONDITIONAL_ACCESS_BLOCKED]: {
    category: Category.IDENTITY_POLICY,
    retryable: false,
    message: 'A conditional-access or tenant security policy blocked the sign-in.',
    hint: 'An administrator should find the blocking policy in the sign-in logs and add an exclusion or a named location for this connection.',
  },
  [Code.LEGACY_AUTH_BLOCKED]: {
    category: Category.IDENTITY_POLICY,
    retryable: false,
    message: 'Legacy (basic) authentication is disabled for this account or tenant.',
    hint: 'Use OAuth or app-only authentication, or have an administrator enable it for this one account.',
  },
  [Code.CONSENT_REQUIRED]: {
    category: Category.PERMISSION,
    retryable: false,
    message: 'An administrator has not granted consent to this app.',
    hint: 'An administrator grants the app the access it asks for, then test again.',
  },
  [Code.OAUTH_NOT_CONNECTED]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message: 'No account is connected for this test: a test uses a connection only right after you make it.',
    hint: 'Press Connect, sign in and allow access, then test. Saved tokens are used only by the integration runtime.',
  },
  [Code.OAUTH_ACCESS_DENIED]: {
    category: Category.PERMISSION,
    retryable: false,
    message: "Access was not allowed at the provider's consent screen.",
    hint: 'Connect again and choose Allow. If the provider says an administrator must approve the app, ask one to grant consent first.',
  },
  [Code.OAUTH_REFRESH_FAILED]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message: "The provider refused to renew the connection's access: the refresh token is no longer valid.",
    hint: "Reconnect: press Connect and sign in again. This happens when the user's password changes, access is revoked, or the connection goes unused too long.",
  },
  [Code.OAUTH_REFRESH_INTERRUPTED]: {
    category: Category.CREDENTIALS,
    retryable: false,
    message:
      "A renewal of the connection's access was interrupted before its answer was saved; the old refresh token may already be spent.",
    hint: 'Reconnect: press Connect and sign in again. Plugboard does not resend a refresh token that may have been used.',
  },
  [Code.PERMISSION_DENIED]: {
    category: Category.PERMISSION,
    retryable: false,
    message: 'Signed in, but the account or app lacks the permission the integration needs.',
    hint: 'Grant the permission named in the message to the account or app, then test again.',
  },
  [Code.NOT_FOUND]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'The path, object or entry the test reads does not exist.',
    hint: 'Check the field shown for a typo.',
  },
  [Code.APP_NOT_FOUND]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'No app with this client ID exists here.',
    hint: 'Check the client ID, and that the app belongs to this account or organisation.',
  },
  [Code.TENANT_NOT_FOUND]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'The tenant does not exist.',
    hint: 'Check the tenant or organisation identifier.',
  },
  [Code.CLOCK_SKEW]: {
    category: Category.CONFIGURATION,
    retryable: true,
    message: 'The signed request was outside its valid time window.',
    hint: 'Check the clock of the machine running the test (NTP).',
  },
  [Code.WRONG_CLOUD]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'The token was issued for another cloud or resource.',
    hint: 'Pick the cloud or region the account lives in.',
  },
  [Code.HOST_KEY_MISMATCH]: {
    category: Category.TLS,
    retryable: false,
    message: "The server's host key does not match the pinned fingerprint.",
    hint: 'Confirm the new fingerprint with the server administrator before updating it: a changed key can mean someone is impersonating the server.',
  },
  [Code.HOST_KEY_UNKNOWN]: {
    category: Category.TLS,
    retryable: false,
    message: "No host key fingerprint is pinned, so Plugboard did not trust the server's key.",
    hint: "Check the presented fingerprint with the server's administrator, then pin it.",
  },
  [Code.DATABASE_NOT_FOUND]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'The database does not exist on this server.',
    hint: 'Check the database name; names are case-sensitive.',
  },
  [Code.ACCESS_RULE_REJECTED]: {
    category: Category.PERMISSION,
    retryable: false,
    message: "The server's access rules do not allow this connection.",
    hint: "An administrator allows this connection in the server's access rules: the address it comes from, the account, and the time or machine it may sign in from.",
  },
  [Code.TOO_MANY_CONNECTIONS]: {
    category: Category.THROTTLING,
    retryable: true,
    message: 'The server has reached its limit of connections, for this account or in all.',
    hint: 'Other programs using the same account hold its connections: give each integration its own account, or ask the administrator to raise the limit.',
  },
  [Code.THROTTLED]: {
    category: Category.THROTTLING,
    retryable: true,
    message: 'The provider is throttling requests for this account.',
    hint: 'Wait before retrying. Service accounts shared by several integrations hit limits together: give each integration its own account.',
  },
  [Code.PROVIDER_UNAVAILABLE]: {
    category: Category.PROVIDER,
    retryable: true,
    message: 'The provider answered with a server error or is unavailable.',
    hint: "Try again later, and check the provider's status page.",
  },
  [Code.PROVIDER_ERROR]: {
    category: Category.PROVIDER,
    retryable: false,
    message: 'The provider refused the request.',
    hint: "Read the provider's message below; it says what it did not accept.",
  },
  [Code.UNEXPECTED_RESPONSE]: {
    category: Category.PROVIDER,
    retryable: false,
    message: 'The server answered in a way this connector does not expect.',
    hint: 'Check that the URL or port points at the right service.',
  },
  [Code.UNKNOWN_RELAY]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'No relay of yours has this id.',
    hint: 'Pick one of your relays in Relay Options, or leave it empty to connect directly.',
  },
  [Code.RELAY_REVOKED]: {
    category: Category.CONFIGURATION,
    retryable: false,
    message: 'This relay was revoked: it can no longer carry tests or runs.',
    hint: 'Pick another relay, or register a new one and run its agent.',
  },
  [Code.RELAY_OFFLINE]: {
    category: Category.RELAY,
    retryable: true,
    message: 'No agent is connected for this relay.',
    hint: 'Start the relay agent inside your network, or pick another relay.',
  },
  [Code.RELAY_TIMEOUT]: {
    category: Category.RELAY,
    retryable: true,
    message: 'The relay agent did not answer in time.',
    hint: 'Check the relay host is not overloaded, then try again.',
  },
  [Code.RELAY_DISCONNECTED]: {
    category: Category.RELAY,
    retryable: true,
    message: 'The relay agent disconnected during the test.',
    hint: 'Check the relay agent is running, then try again.',
  },
  [Code.RELAY_NOT_ALLOWED]: {
    category: Category.RELAY,
    retryable: false,
    message: "The relay agent's allowlist does not include this target.",
    hint: "Add the host to the relay agent's allowlist, or pick another relay.",
  },
  [Code.RELAY_SERVICE_UNAVAILABLE]: {
    category: Category.RELAY,
    retryable: true,
    message: 'Plugboard cannot reach the service that connects it to relay agents right now.',
    hint: 'This is on Plugboard’s side, not your network’s: try again in a minute. Your agents reconnect by themselves.',
  },
  [Code.RELAY_DEGRADED]: {
    category: Category.RELAY,
    retryable: true,
    message: "Some of this relay's agents are silent or draining: tests and runs still go through the others.",
    hint: 'Restart the silent agents, or finish the drain and start a replacement, so the relay survives the next agent going down.',
  },
  [Code.INTERNAL]: {
    category: Category.INTERNAL,
    retryable: true,
    message: 'Plugboard failed while running the test.',
    hint: 'Try again. If it keeps failing, contact support with the request id.',
  },
};
