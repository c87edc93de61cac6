/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A named value format that clients can check before sending. The server checks it too. */
export type FieldFormat =
  /** An LDAP distinguished name such as CN=svc,OU=Users,DC=corp,DC=example. */
  | 'DISTINGUISHED_NAME'
  /** An absolute https:// URL. */
  | 'HTTPS_URL'
  /** An HTTP header field name (RFC 9110 token). */
  | 'HTTP_HEADER_NAME'
  /** An ldap:// or ldaps:// URL. */
  | 'LDAP_URL'
  /** One or more PEM blocks of type CERTIFICATE. */
  | 'PEM_CERTIFICATE'
  /** A PEM or OpenSSH private key block. */
  | 'PEM_PRIVATE_KEY'
  /** An OpenSSH SHA-256 fingerprint: SHA256: followed by unpadded base64. */
  | 'SSH_FINGERPRINT'
  /** A GUID such as 00000000-0000-0000-0000-000000000000. */
  | 'UUID'
  /** A GUID, or a DNS domain such as contoso.onmicrosoft.com. */
  | 'UUID_OR_DOMAIN';

/** The kind of control a client renders, and the shape of the value it collects. */
export type FormFieldType =
  /** A yes/no switch. */
  | 'BOOLEAN'
  /** A public X.509 certificate or CA bundle in PEM form. */
  | 'CERTIFICATE'
  /** An e-mail address. */
  | 'EMAIL'
  /** A DNS name or IP address, without scheme or port. */
  | 'HOSTNAME'
  /** A whole number. */
  | 'INTEGER'
  /** A JSON object. */
  | 'JSON'
  /** An ordered list of name/value pairs, such as custom HTTP headers. */
  | 'KEY_VALUE_LIST'
  /** Any number of values out of `options`, as a list. */
  | 'MULTISELECT'
  /** A number, possibly fractional. */
  | 'NUMBER'
  /** A private key in PEM or OpenSSH form. Always locked. */
  | 'PRIVATE_KEY'
  /** The id of one of the tenant's relays; clients offer a relay picker. */
  | 'RELAY'
  /** A password, key or token. Always locked: write-only, never shown again. */
  | 'SECRET'
  /** One value out of `options`. */
  | 'SELECT'
  /** A single line of text. */
  | 'TEXT'
  /** Several lines of text. */
  | 'TEXTAREA'
  /** An absolute URL. `validation.protocols` lists the schemes accepted. */
  | 'URL';

/** The section of a connector form a field belongs to. Sections are shown in this order. */
export type FormSectionKind =
  /** Options that fit the integration to the client's workflow. */
  | 'ADDITIONAL_OPTIONS'
  /** Alternative authentication methods and tuning, such as what conditional access requires. */
  | 'ADVANCED_OPTIONS'
  /** Where the program is and how to sign in: environment URLs, accounts, credentials. */
  | 'GENERAL'
  /** Which relay agent, running inside the client's network, reaches a program the internet cannot. */
  | 'RELAY_OPTIONS';

/** A stage of a connection test, in the order they run. */
export type TestStepKind =
  /** Sign in with the credentials given. */
  | 'AUTHENTICATE'
  /** Probe one call that needs the permissions the integration uses. */
  | 'AUTHORIZE'
  /** Open the network connection. */
  | 'CONNECT'
  /** Resolve the host name and check the address may be reached. */
  | 'RESOLVE'
  /** Negotiate TLS and verify the server's certificate. */
  | 'TLS';

export type FormFieldPartsFragment = { name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, maxItems: number | null } };

export type ConnectorTypePartsFragment = { key: string, name: string, description: string, category: string, version: number, documentationUrl: string | null, integration: string | null, settingsTypeName: string, settingsInputTypeName: string, relayCapable: boolean, connectionTest: { steps: Array<TestStepKind>, timeoutMs: number }, sections: Array<{ kind: FormSectionKind, title: string, description: string, fields: Array<{ name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, maxItems: number | null } }> }> };

export type ConnectorTypesQueryVariables = Exact<{
  category?: string | null | undefined;
}>;


export type ConnectorTypesQuery = { connectorTypes: Array<{ key: string, name: string, description: string, category: string, version: number, documentationUrl: string | null, integration: string | null, settingsTypeName: string, settingsInputTypeName: string, relayCapable: boolean, connectionTest: { steps: Array<TestStepKind>, timeoutMs: number }, sections: Array<{ kind: FormSectionKind, title: string, description: string, fields: Array<{ name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, maxItems: number | null } }> }> }> };

export type ConnectorTypeQueryVariables = Exact<{
  key: string | number;
  integration?: string | number | null | undefined;
}>;


export type ConnectorTypeQuery = { connectorType: { key: string, name: string, description: string, category: string, version: number, documentationUrl: string | null, integration: string | null, settingsTypeName: string, settingsInputTypeName: string, relayCapable: boolean, connectionTest: { steps: Array<TestStepKind>, timeoutMs: number }, sections: Array<{ kind: FormSectionKind, title: string, description: string, fields: Array<{ name: string, label: string, type: FormFieldType, section: FormSectionKind, required: boolean, locked: boolean, helpText: string | null, placeholder: string | null, defaultValue: unknown, visibleWhen: unknown, requiredWhen: unknown, order: number, options: Array<{ value: string, label: string, description: string | null }>, validation: { minLength: number | null, maxLength: number | null, min: number | null, max: number | null, pattern: string | null, format: FieldFormat | null, protocols: Array<string> | null, maxItems: number | null } }> }> } | null };

export type IntegrationsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntegrationsQuery = { integrations: Array<{ key: string, name: string, description: string, connectorTypes: Array<{ key: string, name: string, integration: string | null }> }> };

export type SchemaSdlQueryVariables = Exact<{ [key: string]: never; }>;


export type SchemaSdlQuery = { schemaSdl: string };

export const FormFieldPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormFieldParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visibleWhen"}},{"kind":"Field","name":{"kind":"Name","value":"requiredWhen"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}}]} as unknown as DocumentNode<FormFieldPartsFragment, unknown>;
export const ConnectorTypePartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorTypeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"documentationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"integration"}},{"kind":"Field","name":{"kind":"Name","value":"settingsTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"settingsInputTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"relayCapable"}},{"kind":"Field","name":{"kind":"Name","value":"connectionTest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FormFieldParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormFieldParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visibleWhen"}},{"kind":"Field","name":{"kind":"Name","value":"requiredWhen"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}}]} as unknown as DocumentNode<ConnectorTypePartsFragment, unknown>;
export const ConnectorTypesDocument = {"__meta__":{"hash":"sha256:8dae37b88d644c6a7d83853b53b898605fc4cffea2ed7e8302b6b5cf143f0c61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConnectorTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectorTypeParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormFieldParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visibleWhen"}},{"kind":"Field","name":{"kind":"Name","value":"requiredWhen"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorTypeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"documentationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"integration"}},{"kind":"Field","name":{"kind":"Name","value":"settingsTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"settingsInputTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"relayCapable"}},{"kind":"Field","name":{"kind":"Name","value":"connectionTest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FormFieldParts"}}]}}]}}]}}]} as unknown as DocumentNode<ConnectorTypesQuery, ConnectorTypesQueryVariables>;
export const ConnectorTypeDocument = {"__meta__":{"hash":"sha256:679a4f0dff7ab5c20c43c2d8b948a52ef4fba3faf6096825085daf68f3aac488"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConnectorType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"integration"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"integration"},"value":{"kind":"Variable","name":{"kind":"Name","value":"integration"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectorTypeParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FormFieldParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visibleWhen"}},{"kind":"Field","name":{"kind":"Name","value":"requiredWhen"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorTypeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"documentationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"integration"}},{"kind":"Field","name":{"kind":"Name","value":"settingsTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"settingsInputTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"relayCapable"}},{"kind":"Field","name":{"kind":"Name","value":"connectionTest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FormFieldParts"}}]}}]}}]}}]} as unknown as DocumentNode<ConnectorTypeQuery, ConnectorTypeQueryVariables>;
export const IntegrationsDocument = {"__meta__":{"hash":"sha256:d9e5a8a73e14b9aa4c9f9f62d3c45b99777ba83a37c83d76f8817ff5ef806b7c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Integrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"integrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"connectorTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"integration"}}]}}]}}]}}]} as unknown as DocumentNode<IntegrationsQuery, IntegrationsQueryVariables>;
export const SchemaSdlDocument = {"__meta__":{"hash":"sha256:ac7328741a998464eb8db68f35622ead0365189c0da853a25099a214b552930a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchemaSdl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schemaSdl"}}]}}]} as unknown as DocumentNode<SchemaSdlQuery, SchemaSdlQueryVariables>;