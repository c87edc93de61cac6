import { FieldFormat } from './form.enums';

/**
 * The regular expression behind each named format. Published to clients as the field's
 * `validation.pattern` (when the field has no pattern of its own), so a client that does not
 * know a format by name can still check it, and server and client check the same thing.
 * Written in the subset of syntax that JavaScript, Java, .NET and Python share.
 */
export const FORMAT_PATTERNS: Readonly<Record<FieldFormat, string>> = {
  [FieldFormat.UUID]: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  [FieldFormat.UUID_OR_DOMAIN]:
    '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63})$',
  [FieldFormat.HTTPS_URL]: '^https://[^\\s/?#]+([/?#]\\S*)?$',
  [FieldFormat.LDAP_URL]: '^ldaps?://[^\\s/?#]+(/\\S*)?$',
  [FieldFormat.DISTINGUISHED_NAME]: '^[A-Za-z][A-Za-z0-9-]*=[^,]+(,\\s*[A-Za-z][A-Za-z0-9-]*=[^,]+)*$',
  [FieldFormat.SSH_FINGERPRINT]: '^SHA256:[A-Za-z0-9+/]{43}$',
  [FieldFormat.HTTP_HEADER_NAME]: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
  [FieldFormat.PEM_CERTIFICATE]: '^\\s*(-----BEGIN CERTIFICATE-----[\\s\\S]+?-----END CERTIFICATE-----\\s*)+$',
  [FieldFormat.PEM_PRIVATE_KEY]:
    '^\\s*-----BEGIN ([A-Z]+ )*PRIVATE KEY-----[\\s\\S]+-----END ([A-Z]+ )*PRIVATE KEY-----\\s*$',
};
