import type { DocumentNode, OperationDefinitionNode } from 'graphql';

/**
 * What is worked out once per operation of a parsed document (its compiled form, its cache
 * policy), kept as long as the document is: Apollo keeps one parsed document per query text, so
 * a repeated query finds its entry, and a document Apollo forgets takes its entries with it.
 */
export class PerOperation<T> {
  private readonly byDocument = new WeakMap<DocumentNode, Map<OperationDefinitionNode, T>>();

  get(document: DocumentNode, operation: OperationDefinitionNode): T | undefined {
    return this.byDocument.get(document)?.get(operation);
  }

  set(document: DocumentNode, operation: OperationDefinitionNode, value: T): void {
    const byOperation = this.byDocument.get(document);
    if (byOperation) byOperation.set(operation, value);
    else this.byDocument.set(document, new Map([[operation, value]]));
  }
}
