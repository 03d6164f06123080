/**
 * True when `error` carries this `code`: isomorphic-git errors ("NotFoundError") and Node
 * file-system errors ("ENOENT") both do. Comparing codes rather than classes keeps this working
 * when isomorphic-git's CommonJS and ES builds are both loaded.
 */
export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
