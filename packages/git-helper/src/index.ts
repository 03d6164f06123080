export type { CiFacts, CiProvider, GitSnapshot, HeadRef, HeadRefSource } from "./types.js";
export { readGitSnapshot } from "./read-git-snapshot.js";
export type { ReadGitSnapshotOptions } from "./read-git-snapshot.js";
export { commitTag, shortHash } from "./short-hash.js";
export { readCiEnv } from "./read-ci-env.js";
export type { ReadCiEnvOptions } from "./read-ci-env.js";
export type { ReadTextFile } from "./ci-github.js";
export {
  GitNoCommitsError,
  GitObjectMissingError,
  GitPermissionDeniedError,
  GitRepositoryFormatError,
  GitUnreadableError,
  InvalidHashLengthError,
  NotARepositoryError,
} from "./errors.js";
export { countCommitsBetween, readFirstParentCommits } from "./first-parent-commits.js";
export type { FirstParentCommit, ReadFirstParentCommitsOptions } from "./first-parent-commits.js";
