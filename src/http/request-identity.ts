import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { randomHex } from './random-hex';

/** A request id a caller may choose: short, and nothing a log reader could mistake for markup. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** W3C Trace Context `traceparent`, version 00: trace id, parent span id, flags. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
};

/**
 * The request id: the caller's `x-request-id` when it is a sane token (a gateway's, so its logs
 * and ours join), else a new UUID. It is answered in `x-request-id` and on every log line.
 */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = header(headers, 'x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface TraceContext {
  traceId: string;
  /** This request's span: the parent of whatever it calls. */
  spanId: string;
  /** The caller's span, when it sent one. */
  parentSpanId?: string;
  sampled: boolean;
}

const isZero = (hex: string) => /^0+$/.test(hex);

/**
 * The W3C trace context of a request: the caller's trace when its `traceparent` is valid (so
 * this request joins it), else a new trace. Answered in `traceresponse` (Trace Context level 2)
 * and logged as `traceId`, so a trace shown by the caller leads to our log lines.
 */
export function traceContextFrom(headers: IncomingHttpHeaders): TraceContext {
  const match = TRACEPARENT.exec(header(headers, 'traceparent') ?? '');
  const spanId = randomHex(8);
  if (match && !isZero(match[1]) && !isZero(match[2])) {
    return { traceId: match[1], spanId, parentSpanId: match[2], sampled: (Number.parseInt(match[3], 16) & 1) === 1 };
  }
  return { traceId: randomHex(16), spanId, sampled: false };
}

export function traceparentOf(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
}
