/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment FormFieldParts on FormField {\n  name\n  label\n  type\n  section\n  required\n  locked\n  helpText\n  placeholder\n  defaultValue\n  options {\n    value\n    label\n    description\n  }\n  validation {\n    minLength\n    maxLength\n    min\n    max\n    pattern\n    format\n    protocols\n    maxItems\n  }\n  visibleWhen\n  requiredWhen\n  order\n}\n\nfragment ConnectorTypeParts on ConnectorType {\n  key\n  name\n  description\n  category\n  version\n  documentationUrl\n  integration\n  settingsTypeName\n  settingsInputTypeName\n  relayCapable\n  connectionTest {\n    steps\n    timeoutMs\n  }\n  sections {\n    kind\n    title\n    description\n    fields {\n      ...FormFieldParts\n    }\n  }\n}\n\nquery ConnectorTypes($category: String) {\n  connectorTypes(category: $category) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery ConnectorType($key: ID!, $integration: ID) {\n  connectorType(key: $key, integration: $integration) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery Integrations {\n  integrations {\n    key\n    name\n    description\n    connectorTypes {\n      key\n      name\n      integration\n    }\n  }\n}\n\nquery SchemaSdl {\n  schemaSdl\n}": typeof types.FormFieldPartsFragmentDoc,
};
const documents: Documents = {
    "fragment FormFieldParts on FormField {\n  name\n  label\n  type\n  section\n  required\n  locked\n  helpText\n  placeholder\n  defaultValue\n  options {\n    value\n    label\n    description\n  }\n  validation {\n    minLength\n    maxLength\n    min\n    max\n    pattern\n    format\n    protocols\n    maxItems\n  }\n  visibleWhen\n  requiredWhen\n  order\n}\n\nfragment ConnectorTypeParts on ConnectorType {\n  key\n  name\n  description\n  category\n  version\n  documentationUrl\n  integration\n  settingsTypeName\n  settingsInputTypeName\n  relayCapable\n  connectionTest {\n    steps\n    timeoutMs\n  }\n  sections {\n    kind\n    title\n    description\n    fields {\n      ...FormFieldParts\n    }\n  }\n}\n\nquery ConnectorTypes($category: String) {\n  connectorTypes(category: $category) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery ConnectorType($key: ID!, $integration: ID) {\n  connectorType(key: $key, integration: $integration) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery Integrations {\n  integrations {\n    key\n    name\n    description\n    connectorTypes {\n      key\n      name\n      integration\n    }\n  }\n}\n\nquery SchemaSdl {\n  schemaSdl\n}": types.FormFieldPartsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FormFieldParts on FormField {\n  name\n  label\n  type\n  section\n  required\n  locked\n  helpText\n  placeholder\n  defaultValue\n  options {\n    value\n    label\n    description\n  }\n  validation {\n    minLength\n    maxLength\n    min\n    max\n    pattern\n    format\n    protocols\n    maxItems\n  }\n  visibleWhen\n  requiredWhen\n  order\n}\n\nfragment ConnectorTypeParts on ConnectorType {\n  key\n  name\n  description\n  category\n  version\n  documentationUrl\n  integration\n  settingsTypeName\n  settingsInputTypeName\n  relayCapable\n  connectionTest {\n    steps\n    timeoutMs\n  }\n  sections {\n    kind\n    title\n    description\n    fields {\n      ...FormFieldParts\n    }\n  }\n}\n\nquery ConnectorTypes($category: String) {\n  connectorTypes(category: $category) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery ConnectorType($key: ID!, $integration: ID) {\n  connectorType(key: $key, integration: $integration) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery Integrations {\n  integrations {\n    key\n    name\n    description\n    connectorTypes {\n      key\n      name\n      integration\n    }\n  }\n}\n\nquery SchemaSdl {\n  schemaSdl\n}"): (typeof documents)["fragment FormFieldParts on FormField {\n  name\n  label\n  type\n  section\n  required\n  locked\n  helpText\n  placeholder\n  defaultValue\n  options {\n    value\n    label\n    description\n  }\n  validation {\n    minLength\n    maxLength\n    min\n    max\n    pattern\n    format\n    protocols\n    maxItems\n  }\n  visibleWhen\n  requiredWhen\n  order\n}\n\nfragment ConnectorTypeParts on ConnectorType {\n  key\n  name\n  description\n  category\n  version\n  documentationUrl\n  integration\n  settingsTypeName\n  settingsInputTypeName\n  relayCapable\n  connectionTest {\n    steps\n    timeoutMs\n  }\n  sections {\n    kind\n    title\n    description\n    fields {\n      ...FormFieldParts\n    }\n  }\n}\n\nquery ConnectorTypes($category: String) {\n  connectorTypes(category: $category) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery ConnectorType($key: ID!, $integration: ID) {\n  connectorType(key: $key, integration: $integration) {\n    ...ConnectorTypeParts\n  }\n}\n\nquery Integrations {\n  integrations {\n    key\n    name\n    description\n    connectorTypes {\n      key\n      name\n      integration\n    }\n  }\n}\n\nquery SchemaSdl {\n  schemaSdl\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;