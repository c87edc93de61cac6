import { TestStepKind } from './connection-test.plan';
import { GuardedHttp, type HttpAnswer } from './guarded-http';
import type { TestContext } from './test-context';
import { probeTransport } from './transport-probe';

/**
 * The opening every HTTPS-API connector shares: the RESOLVE, CONNECT and TLS steps against the
 * URL in `field`, then a guarded HTTP client for the calls that follow. Close the client.
 */
export async function openHttpsApi(
  context: TestContext,
  field: string,
  fieldCa?: string,
): Promise<{ base: URL; http: GuardedHttp }> {
  const base = new URL(context.text(field));
  const ca = context.trustedCas(fieldCa);
  await probeTransport(context, {
    host: base.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
    tls: base.protocol === 'https:',
    ca,
    field,
  });
  return { base, http: new GuardedHttp(context.destinations, { ca }) };
}

/**
 * An OAuth 2.0 token request (RFC 6749: a form-encoded POST, a JSON answer) as the AUTHENTICATE
 * step; failures of the call itself are put on `field`, the URL the token endpoint comes from.
 * The caller reads the answer: every provider words its refusals differently.
 */
export function requestToken(
  context: TestContext,
  http: GuardedHttp,
  tokenUrl: string,
  form: URLSearchParams,
  field: string,
): Promise<HttpAnswer> {
  return context.step(
    TestStepKind.AUTHENTICATE,
    (signal) =>
      http.request(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        field,
        signal,
      }),
    { field },
  );
}
