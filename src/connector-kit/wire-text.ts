const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text a client library decoded byte by byte (latin1, "binary"), as it should read: the same
 * bytes as UTF-8 when they are valid UTF-8, else as given. nodemailer reads SMTP replies this
 * way, so a server's `é` arrives as `Ã©`.
 */
export function latin1AsUtf8(text: string): string {
  // Only code points up to U+00FF can be bytes; anything above was decoded properly already.
  if (!/[\u0080-\u00ff]/.test(text)) return text;
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0xff) return text;
  try {
    return utf8.decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}
