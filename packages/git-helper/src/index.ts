export type { CiFacts, CiProvider, GitSnapshot } from "./types.js";
export { readGitSnapshot } from "./read-git-snapshot.js";
export type { ReadGitSnapshotOptions } from "./read-git-snapshot.js";
export { commitTag, shortHash } from "./short-hash.js";
export { readCiEnv } from "./read-ci-env.js";
export type { ReadCiEnvOptions } from "./read-ci-env.js";
export type { ReadTextFile } from "./ci-github.js";
export { CiEventPayloadError, GitNoCommitsError, GitUnreadableError, InvalidHashLengthError, NotARepositoryError } from "./errors.js";
