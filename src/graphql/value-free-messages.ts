/**
 * graphql-js quotes the values it refuses: `Variable "$input" got invalid value { …,
 * password: "…" }; Field "x" is not defined by type "Y".`, `String cannot represent a non
 * string value: ["…"]`, `Expected value of type "T", found "…".`. A submitted secret must never
 * come back in an error, so these messages are rewritten to say where and why, without the
 * value. (value-echo.plugin.ts then removes any submitted value that is still there.)
 */

/** The reason part of a coercion error, without the value it quotes. */
export function reasonWithoutValue(reason: string): string {
  const cannot = /^([^:]*? cannot represent [^:]*?)(?::[\s\S]*)?$/.exec(reason);
  if (cannot) return `${cannot[1].replace(/[.\s]+$/, '')}.`;
  const enumValue = /^Value [\s\S]* does not exist in "([^"]+)" enum\.([\s\S]*)$/.exec(reason);
  if (enumValue) return `The value is not one of the "${enumValue[1]}" enum.${enumValue[2]}`;
  const found = /^(Expected value of type "[^"]+"), found [\s\S]*$/.exec(reason);
  if (found) return `${found[1]}.`;
  // graphql-scalars and other scalars end their refusals with ": <value>".
  const scalar = /^([A-Z][^:]*?(?:not a valid|must be|cannot)[^:]*?):[\s\S]*$/.exec(reason);
  if (scalar) return `${scalar[1]}.`;
  return reason;
}

/**
 * A request error's message without the values it quotes. `inner` is the message of the error
 * graphql-js wrapped, when there is one: it tells where the quoted value ends.
 */
export function messageWithoutValues(message: string, inner?: string): string {
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value /.exec(message);
  if (variable) {
    const name = variable[1];
    if (inner === undefined || !message.endsWith(`; ${inner}`)) return `Variable "$${name}" got an invalid value.`;
    const prefix = message.slice(0, message.length - inner.length - 2);
    const at = prefix.lastIndexOf(` at "${name}`);
    const path = at >= 0 && prefix.endsWith('"') ? prefix.slice(at + 5, -1) : undefined;
    return `Variable "$${name}" got an invalid value${path ? ` at "${path}"` : ''}; ${reasonWithoutValue(inner)}`;
  }
  return reasonWithoutValue(message);
}
