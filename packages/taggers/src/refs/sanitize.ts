/**
 * Make a value usable as a Docker tag the way metadata-action does: each run of characters outside
 * `[A-Za-z0-9._-]` becomes one `-`. Nothing else changes (case, length, leading `.`/`-` are kept),
 * so the result can still be an invalid tag; imgs keeps this for compatibility.
 *
 * @example sanitizeTag("feature/ä ö") // "feature-"
 */
export function sanitizeTag(value: string): string {
  return value.replace(/[^a-zA-Z0-9._-]+/g, "-");
}

/** Image names are only lower-cased, as in metadata-action. */
export function sanitizeImageName(name: string): string {
  return name.toLowerCase();
}

/**
 * Why a sanitized tag would still be refused by Docker (a tag is at most 128 characters of
 * `[A-Za-z0-9_.-]` not starting with `.` or `-`), or undefined when it is valid. Used by `explain`.
 */
export function dockerTagProblem(tag: string): string | undefined {
  if (tag.length === 0) return "it is empty";
  if (tag.length > 128) return `it is ${tag.length} characters long (Docker allows 128)`;
  if (!/^[A-Za-z0-9_]/.test(tag)) return `it starts with ${JSON.stringify(tag[0])}`;
  if (!/^[A-Za-z0-9_.-]+$/.test(tag)) return "it contains characters outside [A-Za-z0-9_.-]";
  return undefined;
}
