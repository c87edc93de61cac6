import { registerEnumType } from 'type-graphql';

/** The four sections every connector form is split into, in display order. */
export enum FormSectionKind {
  GENERAL = 'GENERAL',
  ADDITIONAL_OPTIONS = 'ADDITIONAL_OPTIONS',
  ADVANCED_OPTIONS = 'ADVANCED_OPTIONS',
  RELAY_OPTIONS = 'RELAY_OPTIONS',
}

export const SECTION_ORDER: readonly FormSectionKind[] = [
  FormSectionKind.GENERAL,
  FormSectionKind.ADDITIONAL_OPTIONS,
  FormSectionKind.ADVANCED_OPTIONS,
  FormSectionKind.RELAY_OPTIONS,
];

/** What control a generic client renders for a field, and what value it holds. */
export enum FormFieldType {
  TEXT = 'TEXT',
  TEXTAREA = 'TEXTAREA',
  URL = 'URL',
  EMAIL = 'EMAIL',
  HOSTNAME = 'HOSTNAME',
  INTEGER = 'INTEGER',
  NUMBER = 'NUMBER',
  BOOLEAN = 'BOOLEAN',
  SELECT = 'SELECT',
  MULTISELECT = 'MULTISELECT',
  SECRET = 'SECRET',
  CERTIFICATE = 'CERTIFICATE',
  PRIVATE_KEY = 'PRIVATE_KEY',
  JSON = 'JSON',
  KEY_VALUE_LIST = 'KEY_VALUE_LIST',
  RELAY = 'RELAY',
}

/** Named value formats a client can check before sending, beyond the field type itself. */
export enum FieldFormat {
  UUID = 'UUID',
  UUID_OR_DOMAIN = 'UUID_OR_DOMAIN',
  HTTPS_URL = 'HTTPS_URL',
  LDAP_URL = 'LDAP_URL',
  DISTINGUISHED_NAME = 'DISTINGUISHED_NAME',
  SSH_FINGERPRINT = 'SSH_FINGERPRINT',
  HTTP_HEADER_NAME = 'HTTP_HEADER_NAME',
  PEM_CERTIFICATE = 'PEM_CERTIFICATE',
  PEM_PRIVATE_KEY = 'PEM_PRIVATE_KEY',
}

registerEnumType(FormSectionKind, {
  name: 'FormSectionKind',
  description: 'The section of a connector form a field belongs to. Sections are shown in this order.',
  valuesConfig: {
    GENERAL: { description: 'Where the program is and how to sign in: environment URLs, accounts, credentials.' },
    ADDITIONAL_OPTIONS: { description: "Options that fit the integration to the client's workflow." },
    ADVANCED_OPTIONS: {
      description: 'Alternative authentication methods and tuning, such as what conditional access requires.',
    },
    RELAY_OPTIONS: {
      description: "Which relay agent, running inside the client's network, reaches a program the internet cannot.",
    },
  },
});

registerEnumType(FormFieldType, {
  name: 'FormFieldType',
  description: 'The kind of control a client renders, and the shape of the value it collects.',
  valuesConfig: {
    TEXT: { description: 'A single line of text.' },
    TEXTAREA: { description: 'Several lines of text.' },
    URL: { description: 'An absolute URL. `validation.protocols` lists the schemes accepted.' },
    EMAIL: { description: 'An e-mail address.' },
    HOSTNAME: { description: 'A DNS name or IP address, without scheme or port.' },
    INTEGER: { description: 'A whole number.' },
    NUMBER: { description: 'A number, possibly fractional.' },
    BOOLEAN: { description: 'A yes/no switch.' },
    SELECT: { description: 'One value out of `options`.' },
    MULTISELECT: { description: 'Any number of values out of `options`, as a list.' },
    SECRET: { description: 'A password, key or token. Always locked: write-only, never shown again.' },
    CERTIFICATE: { description: 'A public X.509 certificate or CA bundle in PEM form.' },
    PRIVATE_KEY: { description: 'A private key in PEM or OpenSSH form. Always locked.' },
    JSON: { description: 'A JSON object.' },
    KEY_VALUE_LIST: { description: 'An ordered list of name/value pairs, such as custom HTTP headers.' },
    RELAY: { description: "The id of one of the tenant's relays; clients offer a relay picker." },
  },
});

registerEnumType(FieldFormat, {
  name: 'FieldFormat',
  description: 'A named value format that clients can check before sending. The server checks it too.',
  valuesConfig: {
    UUID: { description: 'A GUID such as 00000000-0000-0000-0000-000000000000.' },
    UUID_OR_DOMAIN: { description: 'A GUID, or a DNS domain such as contoso.onmicrosoft.com.' },
    HTTPS_URL: { description: 'An absolute https:// URL.' },
    LDAP_URL: { description: 'An ldap:// or ldaps:// URL.' },
    DISTINGUISHED_NAME: { description: 'An LDAP distinguished name such as CN=svc,OU=Users,DC=corp,DC=example.' },
    SSH_FINGERPRINT: { description: 'An OpenSSH SHA-256 fingerprint: SHA256: followed by unpadded base64.' },
    HTTP_HEADER_NAME: { description: 'An HTTP header field name (RFC 9110 token).' },
    PEM_CERTIFICATE: { description: 'One or more PEM blocks of type CERTIFICATE.' },
    PEM_PRIVATE_KEY: { description: 'A PEM or OpenSSH private key block.' },
  },
});
