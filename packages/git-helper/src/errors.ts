import { ImgsError, messageOf } from "@imgs/errors";

/** The folder is not inside a git work tree (or cannot be read at all). */
export class NotARepositoryError extends ImgsError {
  readonly code = "NOT_A_REPOSITORY";
  readonly category = "usage";
  constructor(readonly dir: string, cause?: unknown) {
    super(`${dir} is not inside a git work tree${cause instanceof Error ? ` (${cause.message})` : ""}`, { cause });
  }
}

/** The repository exists but HEAD's branch has no commit yet (a fresh `git init`). */
export class GitNoCommitsError extends ImgsError {
  readonly code = "GIT_NO_COMMITS";
  readonly category = "usage";
  constructor(readonly dir: string, readonly branch: string | undefined) {
    super(`the git repository at ${dir} has no commits yet${branch === undefined ? "" : ` (branch ${branch} is unborn)`}`);
  }
}

/** Reading the repository failed for another reason; `what` names the part, `cause` the failure. */
export class GitUnreadableError extends ImgsError {
  readonly code = "GIT_UNREADABLE";
  readonly category = "failure";
  constructor(readonly dir: string, readonly what: string, cause: unknown) {
    super(`cannot read ${what} of the git repository at ${dir}: ${messageOf(cause)}`, { cause });
  }
}

/** shortHash was asked for a length git cannot abbreviate to. */
export class InvalidHashLengthError extends ImgsError {
  readonly code = "INVALID_HASH_LENGTH";
  readonly category = "usage";
  constructor(readonly length: number) {
    super(`a short commit hash must be 4 to 40 characters long, got ${length}`);
  }
}

/**
 * The repository is in a format imgs cannot read: its git reader (isomorphic-git) does not know
 * the format, and no git CLI on PATH could read it either.
 */
export class GitRepositoryFormatError extends ImgsError {
  readonly code = "GIT_REPOSITORY_FORMAT";
  readonly category = "failure";
  /** `format`: what it is, e.g. `extensions.refStorage = reftable (reftable ref storage)`; `gitProblem`: why the git CLI did not read it instead (not on PATH, or what it said). */
  constructor(readonly dir: string, readonly format: string, readonly gitProblem: string, cause?: unknown) {
    super(`the git repository at ${dir} uses ${format}, which imgs' git reader (isomorphic-git) cannot read, and ${gitProblem}`, { cause });
  }
}

/** An object the repository refers to (HEAD's commit, a tag's target) is not in it: a damaged or partial clone. */
export class GitObjectMissingError extends ImgsError {
  readonly code = "GIT_OBJECT_MISSING";
  readonly category = "failure";
  /** `what`: what needed it, e.g. `the commit HEAD points at`. */
  constructor(readonly dir: string, readonly oid: string, readonly what: string, cause?: unknown) {
    super(`the git repository at ${dir} lacks object ${oid} (${what}); the clone is damaged or partial: fetch it again (git fetch --refetch) or clone afresh`, { cause });
  }
}

/** A file of the repository may not be read by this user. */
export class GitPermissionDeniedError extends ImgsError {
  readonly code = "GIT_PERMISSION_DENIED";
  readonly category = "failure";
  /** `path`: the file or folder refused, when the system said which. */
  constructor(readonly dir: string, readonly path: string | undefined, cause?: unknown) {
    super(`permission denied reading the git repository at ${dir}${path === undefined ? "" : ` (${path})`}: run as a user who may read it, or fix its permissions`, { cause });
  }
}
