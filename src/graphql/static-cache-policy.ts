import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** A cache hint, or the policy built from hints: unset parts are unrestricted. */
export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

/** Apollo's rules for merging hints: the shortest maxAge and the narrowest scope win. */
export function restrict(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) {
    policy.maxAge = hint.maxAge;
  }
  if (hint.scope !== undefined && policy.scope !== 'PRIVATE') policy.scope = hint.scope;
}

/** `@cacheControl(...)` among a definition's directives, read as Apollo reads it. */
function hintOf(directives: readonly ConstDirectiveNode[] | undefined): CacheHint | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument('maxAge');
  return { maxAge: maxAge?.kind === Kind.INT ? Number.parseInt(maxAge.value, 10) : undefined, scope };
}

const typeHintOf = (type: GraphQLNamedType): CacheHint =>
  hintOf(type.astNode?.directives) ??
  type.extensionASTNodes.map((node) => hintOf(node.directives)).find((hint) => hint !== undefined) ??
  {};

/**
 * One field's policy, by the rules of Apollo's cache-control plugin: the hint of the type it
 * returns (when an object, interface or union), overridden by the field's own; with neither a
 * maxAge nor an inherited one, a root field or a field returning an object is not cacheable.
 */
function fieldPolicy(field: GraphQLField<unknown, unknown>, isRoot: boolean): CacheHint {
  const policy: CacheHint = {};
  const target = getNamedType(field.type);
  let inheritMaxAge = false;
  if (isCompositeType(target)) {
    const typeHint = typeHintOf(target);
    Object.assign(policy, definedParts(typeHint));
    inheritMaxAge = Boolean(typeHint.inheritMaxAge);
  }
  const fieldHint = hintOf(field.astNode?.directives) ?? {};
  if (fieldHint.inheritMaxAge && policy.maxAge === undefined) {
    inheritMaxAge = true;
    if (fieldHint.scope) policy.scope = fieldHint.scope;
  } else {
    Object.assign(policy, definedParts(fieldHint));
  }
  if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || isRoot)) {
    restrict(policy, { maxAge: 0 });
  }
  return policy;
}

const definedParts = ({ maxAge, scope }: CacheHint): CacheHint => ({
  ...(maxAge !== undefined ? { maxAge } : {}),
  ...(scope !== undefined ? { scope } : {}),
});

/**
 * The overall cache policy of one operation, from the schema's hints alone: every field the
 * document can select (each concrete type of an abstract one, skipped or not), by Apollo's
 * rules. It may be narrower than Apollo's per-field reckoning at execution (which skips fields
 * under a null), never wider, so nothing is cached that Apollo would not have cached. No
 * resolver sets a dynamic hint: there is no `info.cacheControl` to set it with.
 */
export function operationCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CacheHint {
  const overall: CacheHint = {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return { maxAge: 0 };
  // A selection set under one parent type gives one answer: each is walked once, so fragments
  // spread many times over cannot multiply the work.
  const walked = new WeakMap<SelectionSetNode, Set<string>>();

  const concreteTypes = (type: GraphQLCompositeType): readonly GraphQLObjectType[] =>
    isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];

  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode, isRoot: boolean): void => {
    const parents = walked.get(selectionSet) ?? new Set<string>();
    if (parents.has(parent.name)) return;
    walked.set(selectionSet, parents.add(parent.name));
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Meta fields (__typename, introspection) carry no hints and Apollo never counts them.
        if (selection.name.value.startsWith('__')) continue;
        for (const type of concreteTypes(parent)) {
          const field = type.getFields()[selection.name.value];
          if (!field) continue;
          restrict(overall, fieldPolicy(field, isRoot));
          const target = getNamedType(field.type);
          if (selection.selectionSet && isCompositeType(target)) walk(target, selection.selectionSet, false);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(condition, selection.selectionSet, isRoot);
      } else {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition)) walk(condition, fragment.selectionSet, isRoot);
      }
    }
  };
  walk(root, operation.selectionSet, true);
  return overall;
}
