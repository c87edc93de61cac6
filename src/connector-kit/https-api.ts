import type { TestContext } from './connection-test.context';
import { GuardedHttp } from './guarded-http';
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
