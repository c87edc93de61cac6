import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import type { HttpAnswer } from './guarded-http';

const header = (answer: HttpAnswer, name: string): string | undefined => {
  const value = answer.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
};

/**
 * When a rate-limit window resets, from the headers providers use instead of Retry-After:
 * `X-Rate-Limit-Reset` (Okta) and `X-RateLimit-Reset` (ServiceNow, GitHub) in epoch seconds,
 * or as an ISO 8601 time (Jira). Seconds from now.
 */
function resetSeconds(answer: HttpAnswer): number | undefined {
  const value = header(answer, 'x-rate-limit-reset') ?? header(answer, 'x-ratelimit-reset');
  if (!value) return undefined;
  const epochSeconds = Number(value);
  const at = Number.isFinite(epochSeconds) ? epochSeconds * 1000 : Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * How long to wait: Retry-After (seconds, or an HTTP date) when the provider sent it, else the
 * reset time of its rate-limit window.
 */
export function retryAfterSeconds(answer: HttpAnswer): number | undefined {
  const value = header(answer, 'retry-after');
  if (!value) return resetSeconds(answer);
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? resetSeconds(answer) : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** What web servers answer when plain HTTP reaches their TLS port (nginx, Apache, others). */
const PLAIN_TO_TLS_PORT =
  /plain HTTP request was sent to HTTPS port|speaking plain HTTP to an SSL-enabled|client sent an HTTP request to an HTTPS server/i;

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
  /** The field holding the scheme and port, when it is not `location`. */
  url?: string;
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
  if (status === 400 && PLAIN_TO_TLS_PORT.test(answer.text)) {
    return new TestFailure(Code.TLS_REQUIRED, {
      field: fields.url ?? fields.location,
      message: 'The URL starts with http://, but the server on that port speaks HTTPS.',
      hint: 'Change the URL to https://.',
      providerCode,
      providerMessage: said,
    });
  }
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
