import { hasErrorCode } from "@imgs/errors";
import { GitNoCommitsError, GitObjectMissingError, GitPermissionDeniedError, GitRepositoryFormatError, GitUnreadableError, NotARepositoryError } from "./errors.js";

const OID = /^[0-9a-f]{40}$/;

/** The permission or missing-object error `error` is, if it is one. */
function kindOf(dir: string, what: string, error: unknown): Error | undefined {
  if (hasErrorCode(error, "EACCES", "EPERM")) {
    const path = (error as { path?: unknown }).path;
    return new GitPermissionDeniedError(dir, typeof path === "string" ? path : undefined, error);
  }
  // isomorphic-git's NotFoundError names the missing thing in data.what: an object id or a ref.
  const missing = hasErrorCode(error, "NotFoundError") ? (error as { data?: { what?: unknown } }).data?.what : undefined;
  if (typeof missing === "string" && OID.test(missing)) return new GitObjectMissingError(dir, missing, what, error);
  return undefined;
}

/**
 * The error for a failed read of `what` in the repository at `dir`, named for what it is: a
 * permission the system refused, an object the repository lacks, else GitUnreadableError. Errors
 * that already say what happened (no commits yet, not a repository, …) pass through.
 */
export function readFailure(dir: string, what: string, error: unknown): Error {
  if (error instanceof GitUnreadableError) return kindOf(error.dir, error.what, error.cause) ?? error;
  const known = [GitNoCommitsError, NotARepositoryError, GitObjectMissingError, GitPermissionDeniedError, GitRepositoryFormatError];
  if (known.some((type) => error instanceof type)) return error as Error;
  return kindOf(dir, what, error) ?? new GitUnreadableError(dir, what, error);
}
