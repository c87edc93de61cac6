import { TestErrorCode as Code } from './connection-test.codes';
import type { TestContext } from './connection-test.context';
import { TestFailure } from './connection-test.failure';
import { GuardedHttp } from './guarded-http';
import { probeTransport } from './transport-probe';

/**
 * The opening every HTTPS-API connector shares: the RESOLVE, CONNECT and TLS steps against the
 * URL in `field`, then a guarded HTTP client for the calls that follow. Close the client.
 * `caField` names the form's CA certificate field, when it has one: its value is then the only
 * authority trusted, and untrusted certificates are reported on it.
 */
export async function openHttpsApi(
  context: TestContext,
  field: string,
  caField?: string,
): Promise<{ base: URL; http: GuardedHttp; address: string; port: number }> {
  if (!URL.canParse(context.text(field))) {
    throw new TestFailure(Code.INVALID_VALUE, { field, message: 'This is not a URL an HTTP client can use.' });
  }
  const base = new URL(context.text(field));
  const ca = context.trustedCas(caField ? context.text(caField) : undefined);
  const port = Number(base.port || (base.protocol === 'https:' ? 443 : 80));
  const vetted = await probeTransport(context, {
    host: base.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    tls: base.protocol === 'https:',
    ca,
    field,
    caField,
  });
  return { base, http: new GuardedHttp(context.destinations, { ca }), address: vetted.address, port };
}
