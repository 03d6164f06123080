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

/** The CI's event payload file (GITHUB_EVENT_PATH) is missing, unreadable or not a JSON object. */
export class CiEventPayloadError extends ImgsError {
  readonly code = "CI_EVENT_PAYLOAD";
  readonly category = "usage";
  constructor(readonly path: string, problem: string, cause?: unknown) {
    super(`CI event payload ${path} ${problem}`, { cause });
  }
}
