/** A CSV field read as `key=value` (key trimmed and lower-cased, value trimmed) or as a bare value. */
export type Field = { readonly key: string; readonly value: string } | { readonly key: undefined; readonly value: string };

/**
 * Split a tag-rule field at its first `=` with at least one character before it, as metadata-action's
 * tag parser does; `a=b=c` is key `a`, value `b=c`, and a field starting with `=` is a bare value.
 */
export function splitAtFirstEquals(field: string): Field {
  const at = field.indexOf("=");
  if (at <= 0) return { key: undefined, value: field.trim() };
  return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}

/**
 * Split a flavor or image field on every `=` and keep the first two pieces, as metadata-action's
 * flavor and image parsers do; `prefix=a=b` is key `prefix`, value `a`.
 */
export function splitKeepingTwo(field: string): Field {
  const parts = field.split("=").map((part) => part.trim());
  if (parts.length === 1) return { key: undefined, value: parts[0] ?? "" };
  return { key: (parts[0] ?? "").toLowerCase(), value: parts[1] ?? "" };
}

/** Own-property lookup, so that keys such as `constructor` or `__proto__` in a rule are plain data. */
export function hasAttr(attrs: Readonly<Record<string, string>>, key: string): boolean {
  return Object.hasOwn(attrs, key);
}
