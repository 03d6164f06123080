/**
 * True when `error` carries one of these `code`s: Node's system errors ("ENOENT", "EACCES") and
 * isomorphic-git's errors ("NotFoundError") both do. Comparing codes rather than classes keeps
 * working when a library's CommonJS and ES builds are both loaded.
 *
 * @example if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return undefined;
 */
export function hasErrorCode(error: unknown, ...codes: readonly string[]): boolean {
  const code = errorCodeOf(error);
  return code !== undefined && codes.includes(code);
}

/** The string `code` of anything thrown ("ENOENT", "NotFoundError", an imgs code), else undefined. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** An Error for anything thrown (`throw "text"` happens in plugins). */
export const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/** The message of anything thrown. */
export const messageOf = (value: unknown): string => (value instanceof Error ? value.message : String(value));

/**
 * A value as a message shows it: JSON-quoted, and cut to about `max` characters with its length
 * said, so a 1 MB tag or rule never becomes a 1 MB message.
 *
 * @example quotedValue("x".repeat(300)) // '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (300 characters)'
 */
export function quotedValue(value: string, max = 80): string {
  if (value.length <= max) return JSON.stringify(value);
  // What is kept leaves room for the length note.
  const kept = value.slice(0, Math.max(10, max - 20));
  return `${JSON.stringify(kept).slice(0, -1)}…" (${value.length} characters)`;
}
