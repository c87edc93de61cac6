import { REDACTED, SecretScrubber } from '../../src/connector-kit/secret-scrubber';

describe('the secret scrubber', () => {
  const secret = 'p@ss w+rd/=:%é';
  const scrubber = new SecretScrubber([secret, 'ab']);

  it.each([
    ['as is', secret],
    ['percent-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ v: secret }).toString().slice(2)],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64 without padding', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(secret).toString('base64url')],
  ])('removes the secret %s', (_form, encoded) => {
    const scrubbed = scrubber.scrub(`provider said: bad password "${encoded}" for user`);
    expect(scrubbed).toBe(`provider said: bad password "${REDACTED}" for user`);
  });

  it('leaves short values alone, so ordinary words survive', () => {
    expect(scrubber.scrub('about a tab')).toBe('about a tab');
  });

  it('scrubs values derived from secrets once added', () => {
    const derived = new SecretScrubber();
    derived.add(Buffer.from('user:hunter22').toString('base64'));
    expect(derived.scrub(`Authorization: Basic ${Buffer.from('user:hunter22').toString('base64')}`)).toBe(
      `Authorization: Basic ${REDACTED}`,
    );
  });
});
