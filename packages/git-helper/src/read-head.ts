import type * as nodeFs from "node:fs";
import { hasErrorCode } from "@imgs/errors";
import { readCommit, resolveRef } from "isomorphic-git";
import type { RepositoryDirs } from "./locate-repository.js";
import { GitNoCommitsError, GitUnreadableError } from "./errors.js";

/** The part of a snapshot that describes HEAD itself. */
export interface HeadFacts {
  readonly commit: string;
  readonly branch: string | undefined;
  readonly message: string;
  readonly commitDate: string;
}

const BRANCH_PREFIX = "refs/heads/";

/** Read HEAD: its branch (from the work tree's own git folder), commit, message and committer date. */
export async function readHead(fs: typeof nodeFs, dirs: RepositoryDirs, cache: object): Promise<HeadFacts> {
  // depth 2 follows HEAD's one symbolic link and stops: a branch ref, or a hash when detached.
  const target = await step(dirs, "HEAD", () => resolveRef({ fs, gitdir: dirs.headDir, ref: "HEAD", depth: 2 }));
  const branch = target.startsWith(BRANCH_PREFIX) ? target.slice(BRANCH_PREFIX.length) : undefined;
  let commit: string;
  try {
    commit = await resolveRef({ fs, gitdir: dirs.commonDir, ref: target });
  } catch (error) {
    // HEAD names a branch that has no ref yet: the state right after `git init`.
    if (hasErrorCode(error, "NotFoundError")) throw new GitNoCommitsError(dirs.root, branch);
    throw new GitUnreadableError(dirs.root, `the ref ${target}`, error);
  }
  const { commit: object } = await step(dirs, `commit ${commit}`, () => readCommit({ fs, gitdir: dirs.commonDir, oid: commit, cache }));
  return {
    commit,
    branch,
    message: object.message.trim(),
    commitDate: new Date(object.committer.timestamp * 1000).toISOString(),
  };
}

async function step<T>(dirs: RepositoryDirs, what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new GitUnreadableError(dirs.root, what, error);
  }
}
