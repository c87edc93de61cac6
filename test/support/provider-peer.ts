import { generateKeyPairSync } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { makeTestCertificates } from '../peers/certificates';
import { type HttpsPeer, json, type RecordedRequest, startHttpsPeer } from '../peers/https.peer';
import { testRunner } from './test-runner';

/** A secret the provider tests plant, then search every outcome for. */
export const SECRET = 'Saas-Secret-8472';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const PRIVATE_KEY = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/**
 * A local HTTPS peer that answers like a SaaS provider, with a certificate from the test CA,
 * which the runner trusts the way an operator adds a CA.
 */
export async function startProviderPeer(): Promise<{ peer: HttpsPeer; run: ReturnType<typeof testRunner> }> {
  const certs = await makeTestCertificates();
  const peer = await startHttpsPeer(certs.valid);
  return { peer, run: testRunner({ trust: [certs.ca] }) };
}

/**
 * The provider peer and a runner that trusts it, for the tests of one file: started before
 * them and stopped after. Read `peer` and `run` inside tests (they are set in beforeAll).
 */
export function useProviderPeer(): { readonly peer: HttpsPeer; readonly run: ReturnType<typeof testRunner> } {
  const state = {} as { peer: HttpsPeer; run: ReturnType<typeof testRunner> };
  beforeAll(async () => {
    Object.assign(state, await startProviderPeer());
  });
  afterAll(async () => {
    await state.peer.stop();
  });
  return state;
}

export type Answer = (request: RecordedRequest, response: ServerResponse) => void;

/** Answers by path prefix; anything else is a 404. */
export const routes =
  (table: Record<string, Answer>): Answer =>
  (request, response) => {
    const path = request.url.split('?')[0];
    const route = Object.entries(table).find(([prefix]) => path.startsWith(prefix));
    if (route) return route[1](request, response);
    json(response, 404, { error: 'no route' });
  };
