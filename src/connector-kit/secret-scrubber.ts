/** What replaces a secret wherever it appears. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed from text: they would erase ordinary words. */
const MIN_LENGTH = 4;

/**
 * Removes every submitted secret from text that reaches a caller or a log, in the forms a
 * provider might echo it back: as is, URL-encoded (both percent and form encodings), base64
 * (standard and URL-safe, with and without padding), and its UTF-8 bytes read as latin1 (what a
 * client that decodes a line protocol byte by byte shows for `é` or `€`).
 */
export class SecretScrubber {
  private readonly needles = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Adds a secret, or a value derived from secrets (such as a Basic authorization token). */
  add(secret: string): void {
    if (secret.length < MIN_LENGTH) return;
    const utf8 = Buffer.from(secret, 'utf8');
    const base64 = utf8.toString('base64');
    for (const form of [
      secret,
      utf8.toString('latin1'),
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      base64,
      base64.replace(/=+$/, ''),
      Buffer.from(secret, 'utf8').toString('base64url'),
    ]) {
      if (form.length >= MIN_LENGTH) this.needles.add(form);
    }
  }

  scrub(text: string): string;
  scrub(text: string | undefined): string | undefined;
  scrub(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    let result = text;
    // Longest first, so a secret inside a longer encoded form is not half-replaced.
    for (const needle of [...this.needles].sort((a, b) => b.length - a.length)) {
      result = result.split(needle).join(REDACTED);
    }
    return result;
  }
}
