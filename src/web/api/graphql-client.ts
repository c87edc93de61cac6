import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { session } from './session';

/** A request that failed as a whole: no answer, or GraphQL errors instead of data. */
export class RequestError extends Error {
  constructor(
    message: string,
    /** The server's error code (`UNAUTHENTICATED`, `FORBIDDEN`, …), or `NETWORK`. */
    readonly code: string,
  ) {
    super(message);
  }
}

const hashOf = (document: TypedDocumentNode<unknown, unknown>): string => {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('The client was built from documents without persisted hashes; run npm run codegen.');
  return hash.replace(/^sha256:/, '');
};

/**
 * Runs one of codegen's typed documents. Only its hash is sent (the server knows the manifest),
 * which keeps requests small and works where the server enforces trusted documents.
 */
export async function run<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  /** A key to try instead of the tab's (sign-in checks a key before the tab keeps it). */
  candidateKey?: string,
): Promise<TData> {
  const apiKey = candidateKey ?? session.apiKey();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document as never) } },
      }),
    });
  } catch {
    throw new RequestError('Plugboard did not answer. Check that the server is running, then try again.', 'NETWORK');
  }
  let body: { data?: TData | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new RequestError(`Plugboard answered ${response.status} without a readable body.`, 'NETWORK');
  }
  const [first] = body.errors ?? [];
  // The tab's key worked and no longer does: it was revoked, and signing in again is the only way
  // on. A candidate key that is refused is only a wrong key.
  if (first?.extensions?.code === 'UNAUTHENTICATED' && apiKey && !candidateKey) session.end();
  if (first || !body.data) {
    throw new RequestError(first?.message ?? 'Plugboard answered without data.', first?.extensions?.code ?? 'UNKNOWN');
  }
  return body.data;
}
