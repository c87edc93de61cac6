import { createHash, randomBytes } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { makeTestCertificates } from './peers/certificates';
import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, startOAuthServerPeer } from './peers/oauth-server.peer';

it('walks the flow', async () => {
  const certs = await makeTestCertificates();
  for (const style of ['generic', 'microsoft', 'salesforce'] as const) {
    const peer = await startOAuthServerPeer({
      style,
      tls: certs.valid,
      ca: certs.ca,
      redirectUris: ['http://127.0.0.1:9/oauth/callback'],
    });
    try {
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const auth = new URL(`${peer.issuer}/${style === 'generic' ? 'authorize' : 'authorize'}`);
      auth.search = new URLSearchParams({
        response_type: 'code',
        client_id: OAUTH_CLIENT_ID,
        redirect_uri: 'http://127.0.0.1:9/oauth/callback',
        scope: 'openid offline_access',
        state: 'st',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }).toString();
      const back = await peer.consent(auth.href);
      console.log(style, back.href);
      const dispatcher = new Agent({ connect: { ca: certs.ca } });
      const token = await fetch(`${peer.issuer}/token`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code') ?? '',
          redirect_uri: 'http://127.0.0.1:9/oauth/callback',
          code_verifier: verifier,
          client_id: OAUTH_CLIENT_ID,
          client_secret: OAUTH_CLIENT_SECRET,
        }).toString(),
      });
      const body = (await token.json()) as Record<string, string>;
      console.log(token.status, body);
      const refreshed = await fetch(`${peer.issuer}/token`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: body.refresh_token,
          client_id: OAUTH_CLIENT_ID,
          client_secret: OAUTH_CLIENT_SECRET,
        }).toString(),
      });
      console.log(refreshed.status, await refreshed.json());
      const again = await fetch(`${peer.issuer}/token`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: body.refresh_token,
          client_id: OAUTH_CLIENT_ID,
          client_secret: OAUTH_CLIENT_SECRET,
        }).toString(),
      });
      console.log(again.status, await again.json());
      const denied = await peer.consent(auth.href, { deny: true });
      console.log(denied.href);
    } finally {
      await peer.stop();
    }
  }
}, 30000);
