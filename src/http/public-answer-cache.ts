import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Answers that change only with a deployment (the catalogue: every field PUBLIC in Apollo's
 * cache policy), kept as the exact bytes sent, with their ETag and headers. Served in front of
 * the GraphQL pipeline: a hit costs a hash of the request, a map lookup and a write. Nothing a
 * tenant owns can land here, because Apollo's policy is PUBLIC only when every field resolved
 * says so, and tenant data never does.
 */
export interface PublicAnswer {
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
  /** The GraphQL operation, for the access log and metrics. */
  operationName?: string;
}

/** What one request asks, as the cache keys it. */
export interface AnswerRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** Bytes kept at most: every catalogue answer the UIs use fits many times over. */
const MAX_BYTES = 64 * 1024 * 1024;
/** GET addresses whose keys are remembered: the UIs send a handful; strangers cannot grow it. */
const MAX_REMEMBERED_URLS = 1_000;

export class PublicAnswerCache {
  private readonly answers = new LRUCache<string, PublicAnswer>({
    maxSize: MAX_BYTES,
    sizeCalculation: (answer) => answer.body.length + 256,
  });

  /**
   * The key of a request from one class of caller (its role, or anonymous: the introspection
   * and trusted-document rules are per role), or undefined when it cannot be keyed (a
   * malformed body, which the pipeline answers with its own error).
   */
  private readonly keysOfUrls = new LRUCache<string, string>({ max: MAX_REMEMBERED_URLS });

  /**
   * The key of a GET by its address alone, when that address was keyed before (`rememberUrl`):
   * a GET's key depends on nothing else, and the UIs repeat a few addresses (the catalogue by
   * hash), so a repeat skips parsing its JSON, walking it and hashing it.
   */
  keyOfUrl(url: string, callerClass: string): string | undefined {
    return this.keysOfUrls.get(`${callerClass}\n${url}`);
  }

  rememberUrl(url: string, callerClass: string, key: string): void {
    this.keysOfUrls.set(`${callerClass}\n${url}`, key);
  }

  keyOf(request: AnswerRequest, callerClass: string): string | undefined {
    const document = documentKey(request);
    if (!document) return undefined;
    const variables = parseJsonField(request.variables);
    if (variables === INVALID) return undefined;
    const operation = typeof request.operationName === 'string' ? request.operationName : '';
    return createHash('sha256')
      .update(`${callerClass}\n${document}\n${operation}\n${JSON.stringify(variables ?? null)}`)
      .digest('base64url');
  }

  get(key: string): PublicAnswer | undefined {
    return this.answers.get(key);
  }

  set(key: string, body: Buffer, headers: Record<string, string>, operationName?: string): PublicAnswer {
    const answer = { body, etag: etagOf(body), headers, operationName };
    this.answers.set(key, answer);
    return answer;
  }

  get size(): number {
    return this.answers.size;
  }
}

/** A strong ETag from the bytes themselves, so every replica of a deployment gives the same one. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

const INVALID = Symbol('invalid');

/** GET sends variables and extensions as JSON text; POST as objects. */
function parseJsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return INVALID;
  }
}

/**
 * The document's key: the hash of its text when sent, else the persisted-query hash it names.
 * The two are kept apart: a hash alone resolves only to a manifest document, so it must never
 * find an answer that was kept for the same text sent in full by someone else.
 */
function documentKey(request: AnswerRequest): string | undefined {
  const named = persistedHashOf(request);
  if (typeof request.query === 'string' && request.query) {
    const own = createHash('sha256').update(request.query).digest('hex');
    // Text and a hash that disagree are the pipeline's error to answer, never a hit.
    return named && named !== own ? undefined : `text:${own}`;
  }
  return named && `hash:${named}`;
}

function persistedHashOf(request: AnswerRequest): string | undefined {
  const extensions = parseJsonField(request.extensions) as { persistedQuery?: { sha256Hash?: unknown } } | symbol;
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  // Bare hex as Apollo clients send it, or `sha256:<hex>` as the manifest keys it.
  const hash = extensions.persistedQuery?.sha256Hash;
  const hex = typeof hash === 'string' ? /^(?:sha256:)?([0-9a-f]{64})$/.exec(hash)?.[1] : undefined;
  return hex;
}
