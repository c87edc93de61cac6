import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import type { HttpAnswer } from './guarded-http';

/** How long to wait, from a Retry-After header in seconds or as an HTTP date. */
export function retryAfterSeconds(answer: HttpAnswer): number | undefined {
  const header = answer.headers['retry-after'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The start of a body, for showing what a server said without flooding the result. */
export function excerpt(text: string, length = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export interface StatusFields {
  /** The field whose credential a 401 refuses. */
  credential: string;
  /** The field that chose the URL or path, for 404 and redirects. */
  location: string;
}

/**
 * The generic meaning of an HTTP status in a probe, for providers without a richer error
 * format (and as the fallback for those with one). Returns nothing for success.
 */
export function failureForStatus(
  answer: HttpAnswer,
  fields: StatusFields,
  providerMessage?: string,
): TestFailure | undefined {
  const { status } = answer;
  const said = providerMessage ?? (excerpt(answer.text) || undefined);
  const providerCode = `HTTP ${status}`;
  if (status >= 200 && status < 300) return undefined;
  if (status === 401)
    return new TestFailure(Code.INVALID_CREDENTIALS, { field: fields.credential, providerCode, providerMessage: said });
  if (status === 403)
    return new TestFailure(Code.PERMISSION_DENIED, { field: fields.credential, providerCode, providerMessage: said });
  if (status === 404)
    return new TestFailure(Code.NOT_FOUND, { field: fields.location, providerCode, providerMessage: said });
  if (status === 429) {
    return new TestFailure(Code.THROTTLED, {
      providerCode,
      providerMessage: said,
      retryAfterSeconds: retryAfterSeconds(answer),
    });
  }
  if (status >= 500) {
    return new TestFailure(Code.PROVIDER_UNAVAILABLE, {
      providerCode,
      providerMessage: said,
      retryAfterSeconds: retryAfterSeconds(answer),
    });
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.location;
    return new TestFailure(Code.UNEXPECTED_RESPONSE, {
      field: fields.location,
      providerCode,
      message: `The server redirected the test to ${Array.isArray(location) ? location[0] : (location ?? 'another address')}.`,
      hint: 'Use the final address in the URL field: connection tests do not follow redirects.',
    });
  }
  return new TestFailure(Code.PROVIDER_ERROR, { providerCode, providerMessage: said });
}
