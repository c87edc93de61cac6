import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  Kind,
  parse,
  print,
  type SelectionNode,
  stripIgnoredCharacters,
  visit,
} from 'graphql';
import { InputError } from '../errors';

/** Apollo looks persisted documents up under this prefix in its cache. */
const APQ_PREFIX = 'apq:';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Sorted by printed text, each node printed once rather than once per comparison. */
const sortedByText = <T extends ASTNode>(nodes: readonly T[] | undefined): T[] =>
  (nodes ?? [])
    .map((node) => ({ node, text: print(node) }))
    .sort((a, b) => byText(a.text, b.text))
    .map(({ node }) => node);

/**
 * One spelling per document: selections, definitions, variables and arguments sorted,
 * whitespace and commas stripped. A UI that sends the generated document as printed text (not only its hash) is
 * recognised however it was formatted; the manifest's own normalised text maps to the same.
 */
export function canonicalDocument(document: DocumentNode): string {
  const sorted = visit(document, {
    OperationDefinition: {
      leave: (node) => ({ ...node, variableDefinitions: sortedByText(node.variableDefinitions) }),
    },
    Field: { leave: (node) => ({ ...node, arguments: sortedByText(node.arguments) }) },
    SelectionSet: {
      leave: (node) => ({
        ...node,
        selections: sortedByText<SelectionNode>(node.selections),
      }),
    },
  });
  const definitions = sorted.definitions
    .map((definition: DefinitionNode) => print(definition))
    .sort(byText)
    .join('\n');
  return stripIgnoredCharacters(definitions);
}

/**
 * The documents the UIs were built with: codegen's persisted-documents manifest
 * (`"sha256:<hex>": "<document>"`). It answers two questions: "is this document one of
 * them?" (trusted-documents.plugin.ts) and "what is the document with this hash?" (Apollo's
 * persisted-query cache, so UIs may send the hash alone).
 */
export class TrustedDocuments {
  private readonly byHash = new Map<string, string>();
  private readonly canonical = new Set<string>();
  /** The operation names of the documents, the only ones metrics label by name. */
  readonly operationNames = new Set<string>();

  constructor(manifest: Record<string, string>) {
    for (const [key, document] of Object.entries(manifest)) {
      const hash = key.replace(/^sha256:/, '');
      if (createHash('sha256').update(document).digest('hex') !== hash)
        throw new InputError(`The trusted-documents manifest entry ${key} does not match its document's hash.`);
      this.byHash.set(hash, document);
      const parsed = parse(document);
      this.canonical.add(canonicalDocument(parsed));
      for (const definition of parsed.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name)
          this.operationNames.add(definition.name.value);
      }
    }
  }

  static fromFile(file: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new InputError(`Cannot read the trusted-documents manifest ${file}: ${(error as Error).message}`);
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
      throw new InputError(`The trusted-documents manifest ${file} must be an object of hash → document.`);
    return new TrustedDocuments(manifest as Record<string, string>);
  }

  get size(): number {
    return this.byHash.size;
  }

  includes(document: DocumentNode): boolean {
    return this.canonical.has(canonicalDocument(document));
  }

  /**
   * A read-only persisted-query cache for Apollo: the manifest's documents by hash. Nothing
   * is registered at run time, so callers cannot grow it.
   */
  persistedQueryCache() {
    return {
      // Apollo clients send the bare hex; the manifest's keys read "sha256:<hex>": take either.
      get: async (key: string) =>
        key.startsWith(APQ_PREFIX) ? this.byHash.get(key.slice(APQ_PREFIX.length).replace(/^sha256:/, '')) : undefined,
      set: async () => {},
      delete: async () => {},
    };
  }
}
