import { createPublicKey, X509Certificate } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import type { Pem } from './certificates';
import { type HttpsPeer, json, type RecordedRequest, startHttpsPeer } from './https.peer';

export const TENANT = 'contoso.onmicrosoft.com';
export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const CLIENT_SECRET = 'Qx8~secret.value-Zz';
export const USER = 'svc@contoso.com';
export const USER_PASSWORD = 'User-Passw0rd!';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph-token';

/** A token-endpoint error in the Microsoft identity platform's real shape. */
export function aadError(status: number, error: string, codes: number[], text: string, extra: object = {}) {
  return (response: ServerResponse) =>
    json(response, status, {
      error,
      error_description: `AADSTS${codes[codes.length - 1]}: ${text}\r\nTrace ID: 0f1e2d3c-aaaa-bbbb-cccc-000000000001\r\nCorrelation ID: 9a8b7c6d-1111-2222-3333-444444444444\r\nTimestamp: 2026-11-29 10:00:00Z`,
      error_codes: codes,
      timestamp: '2026-11-29 10:00:00Z',
      trace_id: '0f1e2d3c-aaaa-bbbb-cccc-000000000001',
      correlation_id: '9a8b7c6d-1111-2222-3333-444444444444',
      ...extra,
    });
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return (response: ServerResponse) =>
    json(
      response,
      status,
      { error: { code, message, innerError: { date: '2026-11-29T10:00:00', 'request-id': 'r-1' } } },
      headers,
    );
}

export interface EntraPeer {
  url: string;
  peer: HttpsPeer;
  /** Overrides the token endpoint's answer; undefined restores the real behaviour. */
  tokenAnswer?: (response: ServerResponse, request: RecordedRequest) => void;
  graphAnswer?: (response: ServerResponse) => void;
  /** When the registered client secret ends, as the app registration reads; undefined: 403 (no Application.Read.All). */
  secretEndDateTime?: string;
  stop(): Promise<void>;
}

/**
 * A local HTTPS server that answers like the Microsoft identity platform (token endpoint:
 * client secret, certificate assertion verified with the registered certificate, password
 * grant) and like Microsoft Graph (organization and users probes).
 */
export async function startEntraPeer(serverCertificate: Pem, appCertificate: Pem): Promise<EntraPeer> {
  const registered = createPublicKey(
    new X509Certificate(appCertificate.cert).publicKey.export({ type: 'spki', format: 'pem' }),
  );
  const state: EntraPeer = {} as EntraPeer;
  const peer = await startHttpsPeer(serverCertificate, (request, response) => {
    if (request.url === `/${TENANT}/oauth2/v2.0/token`) {
      if (state.tokenAnswer) return state.tokenAnswer(response, request);
      const form = new URLSearchParams(request.body);
      if (form.get('client_id') !== CLIENT_ID)
        return aadError(
          400,
          'unauthorized_client',
          [700016],
          `Application with identifier '${form.get('client_id')}' was not found in the directory.`,
        )(response);
      if (form.get('grant_type') === 'password') {
        if (form.get('username') !== USER || form.get('password') !== USER_PASSWORD) {
          return aadError(
            400,
            'invalid_grant',
            [50126],
            'Error validating credentials due to invalid username or password.',
          )(response);
        }
        return json(response, 200, { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN });
      }
      const assertion = form.get('client_assertion');
      if (assertion) {
        return jwtVerify(assertion, registered, {
          audience: `${state.url}/${TENANT}/oauth2/v2.0/token`,
          issuer: CLIENT_ID,
        }).then(
          () => json(response, 200, { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN }),
          () => aadError(401, 'invalid_client', [700027], 'Client assertion failed signature validation.')(response),
        );
      }
      if (form.get('client_secret') !== CLIENT_SECRET) {
        return aadError(
          401,
          'invalid_client',
          [7000215],
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT_ID}'.`,
        )(response);
      }
      return json(response, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: TOKEN });
    }
    if (request.url.startsWith('/v1.0/')) {
      if (request.headers.authorization !== `Bearer ${TOKEN}`)
        return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.')(response);
      if (request.url.startsWith(`/v1.0/applications(appId='${CLIENT_ID}')`)) {
        if (!state.secretEndDateTime) {
          return graphError(
            403,
            'Authorization_RequestDenied',
            'Insufficient privileges to complete the operation.',
          )(response);
        }
        return json(response, 200, {
          passwordCredentials: [
            { displayName: 'old', hint: 'Abc', endDateTime: '2020-01-01T00:00:00Z' },
            { displayName: 'integration', hint: CLIENT_SECRET.slice(0, 3), endDateTime: state.secretEndDateTime },
          ],
        });
      }
      if (state.graphAnswer) return state.graphAnswer(response);
      return json(response, 200, { value: [{ id: 'org-1', displayName: 'Contoso' }] });
    }
    json(response, 404, { error: { code: 'NotFound' } });
  });
  Object.assign(state, { url: peer.url, peer, stop: () => peer.stop() });
  return state;
}
