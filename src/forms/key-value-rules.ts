/**
 * The rules every entry of a KEY_VALUE_LIST field follows, on the server (field-validators.ts)
 * and in the browser (src/web/form/field-checks.ts) alike:
 * - a name, and no CR, LF or NUL in the name or the value: an entry is one line, and a line
 *   break in an HTTP header would let a value smuggle a header or a request of its own;
 * - when the field has a `pattern` (a format such as HTTP_HEADER_NAME), each name matches it;
 * - no name of the field's `reservedNames` (case-insensitive; `proxy-*` matches a prefix), for
 *   the headers the HTTP client owns (Host would pick another virtual host behind a vetted
 *   address; Content-Length and Transfer-Encoding would desynchronise the request);
 * - no name of its `secretNames` (the same matching, `*` at either end), for names that carry
 *   credentials in a list that is not locked.
 */
export interface KeyValueRules {
  label: string;
  validation: {
    pattern?: string | null;
    reservedNames?: readonly string[] | null;
    secretNames?: readonly string[] | null;
  };
}

const LINE_BREAKING = /[\r\n\0]/;

/** Case-insensitive; a `*` at the start or end of an entry stands for any text there. */
function matchesAny(name: string, entries: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return entries.some((entry) => {
    const core = entry.toLowerCase().replace(/^\*|\*$/g, '');
    const anyStart = entry.startsWith('*');
    const anyEnd = entry.endsWith('*');
    if (anyStart && anyEnd) return lower.includes(core);
    if (anyEnd) return lower.startsWith(core);
    if (anyStart) return lower.endsWith(core);
    return lower === core;
  });
}

/** What is wrong with one entry, in words a person can act on; undefined when nothing is. */
export function keyValueEntryProblem(field: KeyValueRules, entry: { name: string; value: string }): string | undefined {
  if (entry.name.trim() === '') return `Every ${field.label} entry needs a name.`;
  if (LINE_BREAKING.test(entry.name) || LINE_BREAKING.test(entry.value))
    return `${field.label} entries may not contain line breaks or NUL characters.`;
  const { pattern, reservedNames, secretNames } = field.validation;
  if (pattern && !new RegExp(pattern).test(entry.name)) return `"${entry.name}" is not a valid ${field.label} name.`;
  if (reservedNames && matchesAny(entry.name, reservedNames))
    return `"${entry.name}" cannot be set in ${field.label}: Plugboard sets it itself.`;
  if (secretNames && matchesAny(entry.name, secretNames))
    return `"${entry.name}" carries a credential, and ${field.label} are shown again: put it in a locked field (such as Secret headers), which is write-only and stored encrypted.`;
  return undefined;
}

/**
 * Header names that carry credentials, for `validation.secretNames` of header lists that are
 * not locked: their values belong in a locked list.
 */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'cookie',
  '*api-key*',
  '*apikey*',
  '*api_key*',
  '*token*',
  '*secret*',
  '*password*',
  '*passwd*',
  '*credential*',
  '*signature*',
  'x-auth*',
  '*-auth',
  'x-functions-key',
  'ocp-apim-subscription-key',
];

/** The headers an HTTP client owns, for `validation.reservedNames` of header lists. */
export const CLIENT_OWNED_HEADERS: readonly string[] = [
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'keep-alive',
  'proxy-*',
];
