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
