import { isIP } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { TestErrorCode as Code } from './connection-test.codes';
import { TestFailure } from './connection-test.failure';
import type { Destinations, VettedAddress } from './destinations.port';
import { classifyNetworkError } from './network-errors';
import { secureContextFor } from './secure-contexts';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HttpRequest {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The form field the URL came from: network and TLS errors are reported on it. */
  field: string;
  signal?: AbortSignal;
}

/** Answers larger than this are cut: a probe needs the start of an answer, not all of it. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * HTTP for connection tests, over undici. Every connection goes to an address the destination
 * check vetted, pinned for the request (no second DNS lookup, so no rebinding window), with
 * the original name kept for TLS. Redirects are not followed: a probe that is redirected
 * reports it instead. Certificates are always verified, against `ca` when given.
 */
export class GuardedHttp {
  private readonly pinned = new Map<string, VettedAddress>();
  private readonly agent: Agent;

  constructor(
    private readonly destinations: Destinations,
    options: { ca?: string[]; timeoutMs?: number } = {},
  ) {
    const connect = buildConnector({
      secureContext: secureContextFor(options.ca),
      rejectUnauthorized: true,
      timeout: options.timeoutMs ?? 10_000,
    });
    this.agent = new Agent({
      connect: (connectOptions, callback) => {
        const hostname = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
        const vetted = this.pinned.get(hostname);
        if (!vetted) {
          callback(new TestFailure(Code.DESTINATION_NOT_ALLOWED, { message: `${hostname} was not vetted.` }), null);
          return;
        }
        connect(
          {
            ...connectOptions,
            hostname: vetted.address,
            servername: connectOptions.servername ?? (isIP(hostname) ? undefined : hostname),
          },
          callback,
        );
      },
    });
  }

  async request(url: string, options: HttpRequest): Promise<HttpAnswer> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TestFailure(Code.INVALID_VALUE, { field: options.field, message: `"${url}" is not a valid URL.` });
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new TestFailure(Code.INVALID_VALUE, {
        field: options.field,
        message: 'Only http:// and https:// URLs can be tested.',
      });
    }
    const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    this.pinned.set(hostname, await this.destinations.vet(hostname, options.field));
    try {
      const response = await request(parsed, {
        dispatcher: this.agent,
        method: options.method ?? 'GET',
        headers: options.headers,
        body: options.body,
        signal: options.signal,
      });
      return { status: response.statusCode, headers: response.headers, text: await readCapped(response.body) };
    } catch (error) {
      throw classifyNetworkError(error, options.field) ?? error;
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_BODY_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
