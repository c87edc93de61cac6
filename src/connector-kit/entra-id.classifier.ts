import { TestErrorCode as Code } from './connection-test.codes';
import { type TestErrorDetails, TestFailure } from './connection-test.failure';
import type { HttpAnswer } from './guarded-http';
import { failureForStatus, retryAfterSeconds } from './http-classification';
import type { OAuthError } from './oauth-token';

type Rule = [Code, string | undefined, Partial<TestErrorDetails>?];

const MFA_HINT =
  'A server-side connection cannot complete MFA. Switch off "Sign in as a user (legacy)" and use the app\'s client secret or certificate, or have an admin exclude this service account from the MFA policy.';

/**
 * Microsoft Entra ID (AADSTS) codes a connection test meets, with the field at fault.
 * Microsoft says to branch on codes, never on message text.
 */
const AADSTS: Readonly<Record<number, Rule>> = {
  50076: [Code.MFA_REQUIRED, 'legacyUserSignIn', { hint: MFA_HINT }],
  50079: [Code.MFA_REQUIRED, 'legacyUserSignIn', { hint: `The account must first register MFA methods. ${MFA_HINT}` }],
  50074: [Code.MFA_REQUIRED, 'legacyUserSignIn', { hint: MFA_HINT }],
  50158: [Code.MFA_REQUIRED, 'legacyUserSignIn', { hint: MFA_HINT }],
  53003: [Code.CONDITIONAL_ACCESS_BLOCKED, 'legacyUserSignIn'],
  530032: [Code.CONDITIONAL_ACCESS_BLOCKED, 'legacyUserSignIn'],
  53000: [
    Code.CONDITIONAL_ACCESS_BLOCKED,
    'legacyUserSignIn',
    { message: 'Conditional access requires a compliant device, which a server-side connection is not.' },
  ],
  53001: [
    Code.CONDITIONAL_ACCESS_BLOCKED,
    'legacyUserSignIn',
    { message: 'Conditional access requires a domain-joined device, which a server-side connection is not.' },
  ],
  50097: [
    Code.CONDITIONAL_ACCESS_BLOCKED,
    'legacyUserSignIn',
    { message: 'Conditional access requires device authentication.' },
  ],
  530035: [
    Code.LEGACY_AUTH_BLOCKED,
    'legacyUserSignIn',
    {
      message: "The tenant's security defaults block this sign-in as legacy authentication.",
      hint: "Use the app's client secret or certificate instead of signing in as a user.",
    },
  ],
  50126: [Code.INVALID_CREDENTIALS, 'password', { message: 'Microsoft Entra ID refused the username or password.' }],
  50034: [
    Code.INVALID_CREDENTIALS,
    'username',
    { message: 'No such user in this tenant.', hint: 'Check the user principal name and the tenant ID.' },
  ],
  50056: [
    Code.INVALID_CREDENTIALS,
    'password',
    {
      message: 'The user has no password in Entra ID (federated or passwordless).',
      hint: 'Use a cloud-password service account, or app-only authentication.',
    },
  ],
  50053: [Code.ACCOUNT_LOCKED, 'username'],
  50057: [Code.ACCOUNT_DISABLED, 'username'],
  50055: [Code.PASSWORD_EXPIRED, 'password'],
  7000215: [
    Code.INVALID_CREDENTIALS,
    'clientSecret',
    {
      message: 'The client secret is not valid.',
      hint: "Paste the secret's Value, shown once when it was created under Certificates & secrets — not its Secret ID.",
    },
  ],
  7000222: [
    Code.CREDENTIAL_EXPIRED,
    'clientSecret',
    {
      message: 'The client secret has expired.',
      hint: 'Create a new client secret (or move to a certificate) under Certificates & secrets, and enter it here.',
    },
  ],
  7000218: [
    Code.INVALID_VALUE,
    'clientSecret',
    {
      message: 'The app requires a client secret or certificate for this sign-in.',
      hint: 'Enter the client secret, or enable "Allow public client flows" on the app registration.',
    },
  ],
  7000216: [Code.INVALID_VALUE, 'clientSecret', { message: 'The sign-in carried no app credential.' }],
  700016: [Code.APP_NOT_FOUND, 'clientId'],
  90002: [Code.TENANT_NOT_FOUND, 'tenantId'],
  900023: [Code.TENANT_NOT_FOUND, 'tenantId', { message: 'The tenant ID is not a GUID or a domain of a tenant.' }],
  65001: [Code.CONSENT_REQUIRED, 'clientId'],
  500011: [
    Code.WRONG_CLOUD,
    'nationalCloud',
    { message: 'The resource Plugboard asked for does not exist in this tenant or cloud.' },
  ],
  70011: [Code.INVALID_VALUE, 'graphHost', { message: 'The scope requested is not valid for this tenant.' }],
  700024: [Code.CLOCK_SKEW, 'privateKey', { message: 'The signed assertion was outside its valid time range.' }],
  700027: [
    Code.INVALID_CREDENTIALS,
    'certificate',
    {
      message: 'The assertion was not signed by a certificate registered on the app.',
      hint: 'Upload this certificate to the app registration, or use the private key of the registered one.',
    },
  ],
  50196: [Code.THROTTLED, undefined],
  90055: [Code.THROTTLED, undefined],
};

/** When the code is unknown, the OAuth error string decides. */
const BY_ERROR: Readonly<Record<string, Rule>> = {
  invalid_client: [Code.INVALID_CREDENTIALS, 'clientSecret'],
  invalid_grant: [Code.INVALID_CREDENTIALS, 'password'],
  interaction_required: [Code.MFA_REQUIRED, 'legacyUserSignIn', { hint: MFA_HINT }],
  invalid_scope: [Code.INVALID_VALUE, 'graphHost'],
  invalid_resource: [Code.INVALID_VALUE, 'graphHost'],
  invalid_request: [Code.INVALID_VALUE, undefined],
  unauthorized_client: [Code.INVALID_VALUE, 'clientId'],
  unsupported_grant_type: [Code.INVALID_VALUE, undefined],
  temporarily_unavailable: [Code.PROVIDER_UNAVAILABLE, undefined],
};

interface TokenError {
  error?: string;
  error_description?: string;
  error_codes?: number[];
  trace_id?: string;
  correlation_id?: string;
}

/** The first line of Microsoft's description, plus the ids support asks for. */
function providerMessage(body: TokenError): string | undefined {
  const first = body.error_description?.split(/\r?\n/)[0];
  const ids = [
    body.trace_id && `Trace ID: ${body.trace_id}`,
    body.correlation_id && `Correlation ID: ${body.correlation_id}`,
  ].filter(Boolean);
  return [first, ...ids].filter(Boolean).join(' ') || undefined;
}

/** A refused answer of the Microsoft identity platform's token endpoint, classified. */
export function classifyTokenError(
  answer: HttpAnswer,
  error: OAuthError | undefined,
  credentialField: string,
): TestFailure {
  if (!error) {
    return (
      failureForStatus(answer, { credential: credentialField, location: 'authorityHost' }) ??
      new TestFailure(Code.UNEXPECTED_RESPONSE, { field: 'authorityHost' })
    );
  }
  const body = error.body as TokenError;
  const codes = body.error_codes?.length
    ? body.error_codes
    : [...(body.error_description ?? '').matchAll(/AADSTS(\d+)/g)].map((match) => Number(match[1]));
  // The most specific code wins: 70002 ("error validating credentials") only wraps another.
  const code =
    codes.find((candidate) => AADSTS[candidate] && candidate !== 70002) ?? codes.find((candidate) => AADSTS[candidate]);
  const rule = (code !== undefined ? AADSTS[code] : undefined) ?? (body.error ? BY_ERROR[body.error] : undefined);
  const details: TestErrorDetails = {
    providerCode: code !== undefined ? `AADSTS${code}` : codes.length ? `AADSTS${codes[0]}` : body.error,
    providerMessage: providerMessage(body),
    retryAfterSeconds: retryAfterSeconds(answer),
  };
  if (!rule) return new TestFailure(Code.PROVIDER_ERROR, details);
  const [failure, field, extra] = rule;
  return new TestFailure(failure, { field: field === 'clientSecret' ? credentialField : field, ...details, ...extra });
}

/** A failed Microsoft Graph probe, classified by its error code (never its message). */
export function classifyGraphError(answer: HttpAnswer): TestFailure {
  let code: string | undefined;
  let message: string | undefined;
  try {
    const body = JSON.parse(answer.text) as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    message = body.error?.message;
  } catch {
    // not JSON: the status decides
  }
  const details = { providerCode: code ?? `HTTP ${answer.status}`, providerMessage: message };
  if (answer.status === 401) {
    return new TestFailure(Code.WRONG_CLOUD, {
      field: 'nationalCloud',
      message: 'Microsoft Graph refused the token: it was issued for another cloud or resource.',
      ...details,
    });
  }
  if (answer.status === 403) {
    return new TestFailure(Code.PERMISSION_DENIED, {
      field: 'permissionProbe',
      message: 'Signed in, but the app lacks the application permission for this call.',
      hint: 'In the app registration, add the Application permission named in the option (not a Delegated one) and click "Grant admin consent".',
      ...details,
    });
  }
  return (
    failureForStatus(answer, { credential: 'clientSecret', location: 'graphHost' }, message) ??
    new TestFailure(Code.UNEXPECTED_RESPONSE, details)
  );
}
