/** The folder is not inside a git work tree (or cannot be read at all). */
export class NotARepositoryError extends Error {
  static readonly code = "GIT_NOT_A_REPOSITORY";
  readonly code = NotARepositoryError.code;
  override readonly name = "NotARepositoryError";
  readonly dir: string;

  constructor(dir: string, cause?: unknown) {
    const reason = cause instanceof Error ? ` (${cause.message})` : "";
    super(`${dir} is not inside a git work tree${reason}`, cause === undefined ? undefined : { cause });
    this.dir = dir;
  }
}

/** The repository exists but HEAD's branch has no commit yet (a fresh `git init`). */
export class GitNoCommitsError extends Error {
  static readonly code = "GIT_NO_COMMITS";
  readonly code = GitNoCommitsError.code;
  override readonly name = "GitNoCommitsError";
  readonly dir: string;
  readonly branch: string | undefined;

  constructor(dir: string, branch: string | undefined) {
    super(`the git repository at ${dir} has no commits yet${branch === undefined ? "" : ` (branch ${branch} is unborn)`}`);
    this.dir = dir;
    this.branch = branch;
  }
}

/** Reading the repository failed for another reason; `what` names the part, `cause` the failure. */
export class GitUnreadableError extends Error {
  static readonly code = "GIT_UNREADABLE";
  readonly code = GitUnreadableError.code;
  override readonly name = "GitUnreadableError";
  readonly dir: string;
  readonly what: string;

  constructor(dir: string, what: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot read ${what} of the git repository at ${dir}: ${reason}`, { cause });
    this.dir = dir;
    this.what = what;
  }
}

/** shortHash was asked for a length git cannot abbreviate to. */
export class InvalidHashLengthError extends Error {
  static readonly code = "GIT_INVALID_HASH_LENGTH";
  readonly code = InvalidHashLengthError.code;
  override readonly name = "InvalidHashLengthError";
  readonly length: number;

  constructor(length: number) {
    super(`a short commit hash must be 4 to 40 characters long, got ${length}`);
    this.length = length;
  }
}

/** The CI's event payload file (GITHUB_EVENT_PATH) is missing, unreadable or not a JSON object. */
export class CiEventPayloadError extends Error {
  static readonly code = "CI_EVENT_PAYLOAD_INVALID";
  readonly code = CiEventPayloadError.code;
  override readonly name = "CiEventPayloadError";
  readonly path: string;

  constructor(path: string, problem: string, cause?: unknown) {
    super(`CI event payload ${path} ${problem}`, cause === undefined ? undefined : { cause });
    this.path = path;
  }
}
