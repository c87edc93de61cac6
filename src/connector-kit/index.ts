/**
 * The connector toolkit: everything a connector file uses, from one entry point. A connector
 * declares its settings class (`@Connector`, `@FormField`) and its connection test, which runs
 * stages on a TestContext with guarded network clients and ends in a TestFailure when something
 * is wrong. Orchestration (runner, limits, outbound guard, relays) lives in connection-test/ and
 * is none of a connector's business. docs/architecture.md walks through it.
 */

// Declaring a connector and its form.
export { caCertificateField, portField } from '../forms/field-presets';
export { FieldFormat, FormFieldType, FormSectionKind } from '../forms/form.enums';
export { FormField } from '../forms/form-field.decorator';
export { CLIENT_OWNED_HEADERS, CREDENTIAL_HEADERS } from '../forms/key-value-rules';
// Its connection test: the plan, the context it runs in, and how it reports a failure.
export {
  type AuthorizationCodeFlow,
  type AuthorizationEndpoints,
  connectedGrantToken,
  textValue,
  usesAuthorizationCode,
} from './authorization-code';
export { TestErrorCategory, TestErrorCode } from './connection-test.codes';
export { TestContext } from './connection-test.context';
export { type TestError, type TestErrorDetails, TestFailure } from './connection-test.failure';
export type { ConnectionTestPlan } from './connection-test.plan';
export { Connector } from './connector.decorator';
export type { ConnectorCategory, ConnectorOptions } from './connector.definition';
// Reaching the program: vetted sockets, HTTPS APIs and OAuth token endpoints.
export type { Destinations, VettedAddress } from './destinations.port';
// Reading what went wrong.
export { classifyGraphError, classifyTokenError } from './entra-id.classifier';
export { GuardedHttp, type HttpAnswer, type HttpRequest } from './guarded-http';
export { excerpt, failureForStatus, retryAfterSeconds, type StatusFields } from './http-classification';
export { openHttpsApi } from './https-api';
export { classifyNetworkError } from './network-errors';
export { type OAuthError, oauthRefusal, readOAuthError, requestToken, type TokenGrant } from './oauth-token';
export { RelayReachableSettings } from './relay-reachable.settings';
export { SecretScrubber } from './secret-scrubber';
export { withPublicRoots } from './secure-contexts';
export { isWebPage, judgedProbe, type SignedInProbe, signedInProbe } from './signed-in-probe';
export { awaitSshIdentification, type SshIdentificationOptions } from './ssh-identification';
export { TestStepKind } from './test-step';
export { negotiateTls, sniName, speaksTls, type TlsTarget, tlsOnlyPortFailure } from './tls-negotiation';
export {
  ldapStartTls,
  postgresSslRequest,
  type SmtpStartTlsOptions,
  smtpStartTls,
  type TlsUpgradeRequest,
} from './tls-upgrade-requests';
export { type ProbeTarget, probeTransport } from './transport-probe';
export {
  type PresentedCertificate,
  type PresentedHostKey,
  sshFingerprint,
  sshKeyType,
} from './trust-prompt';
export { latin1AsUtf8 } from './wire-text';
