import type { GitSnapshot } from "./types.js";
import { InvalidHashLengthError } from "./errors.js";

/** Length of docker-stacks' commit tag (GitHelper.commit_hash_tag). */
const COMMIT_TAG_LENGTH = 12;

/**
 * The first `length` characters (4 to 40, as git allows) of HEAD's commit hash.
 *
 * @throws InvalidHashLengthError for a length outside 4..40 or not a whole number
 * @example shortHash(git, 7) // "1a2b3c4"
 */
export function shortHash(snapshot: Pick<GitSnapshot, "commit">, length: number): string {
  if (!Number.isInteger(length) || length < 4 || length > 40) throw new InvalidHashLengthError(length);
  return snapshot.commit.slice(0, length);
}

/**
 * The 12-character commit hash that docker-stacks tags images with.
 *
 * @example commitTag(git) // "1a2b3c4d5e6f"
 */
export function commitTag(snapshot: Pick<GitSnapshot, "commit">): string {
  return shortHash(snapshot, COMMIT_TAG_LENGTH);
}
