import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export interface JwksPeer {
  issuer: string;
  jwksUrl: string;
  /** Publishes these keys from now on (key rotation). */
  publish(keys: SigningKey[]): void;
  /** How many times the key set was fetched. */
  fetches(): number;
  stop(): Promise<void>;
}

type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** An identity provider's JWKS endpoint on loopback, serving whichever keys a test publishes. */
export async function startJwksPeer(initial: SigningKey[]): Promise<JwksPeer> {
  let keys = initial;
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.url !== '/keys') return response.writeHead(404).end();
    fetches += 1;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: keys.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer: `${base}/`,
    jwksUrl: `${base}/keys`,
    publish: (next) => {
      keys = next;
    },
    fetches: () => fetches,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function signToken(
  key: SigningKey,
  claims: Record<string, unknown>,
  options: { issuer: string; audience: string; expiresIn?: string },
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject('user-1')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key.privateKey);
}
