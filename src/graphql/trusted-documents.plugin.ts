import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { may } from '../auth/principal';
import type { TrustedDocumentsMode } from '../environment';
import { boundedMemo } from './bounded-memo';
import type { GraphQLContext } from './context';
import { RequestErrorCode } from './request-error-codes';
import type { TrustedDocuments } from './trusted-documents.manifest';

/** Documents already judged, by Apollo's query hash; bounded so callers cannot grow it. */
const VERDICTS_KEPT = 1000;

/**
 * With `enforce`, UI sessions (tenant roles and anonymous callers) may run only the documents
 * the UIs were built with; partner and internal keys may still send their own. Runs after
 * parsing and validation, so the document limits still apply first, and per caller, which a
 * validation rule (cached by Apollo per document) could not be.
 */
export function trustedDocumentsPlugin(
  mode: TrustedDocumentsMode,
  trusted: TrustedDocuments,
): ApolloServerPlugin<GraphQLContext> {
  const isTrusted = boundedMemo<boolean>(VERDICTS_KEPT);
  return {
    async requestDidStart() {
      if (mode === 'off') return;
      return {
        async didResolveOperation({ document, queryHash, contextValue }) {
          if (contextValue.principal && may(contextValue.principal, 'documents:own')) return;
          if (isTrusted(queryHash, () => trusted.includes(document))) return;
          throw new GraphQLError(
            'This server runs only the documents its UIs were built with. Send one of codegen/generated/persisted-documents.json (by hash or as text), or call with a partner or internal key.',
            { extensions: { code: RequestErrorCode.UNTRUSTED_DOCUMENT, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
