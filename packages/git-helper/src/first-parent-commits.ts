import * as nodeFs from "node:fs";
import { join } from "node:path";
import { readCommit, resolveRef } from "isomorphic-git";
import { GitNoCommitsError, GitUnreadableError } from "./errors.js";
import { hasErrorCode } from "@imgs/errors";
import { locateRepository } from "./locate-repository.js";

/** One commit of HEAD's first-parent chain. */
export interface FirstParentCommit {
  readonly commit: string;
  /** Committer date, seconds since the epoch (what `git log --since/--until` compare). */
  readonly committedAt: number;
}

/** Options of readFirstParentCommits. */
export interface ReadFirstParentCommitsOptions {
  /** Any folder inside the work tree. */
  readonly dir: string;
  /** Stop after the first commit committed before this instant (the rest cannot count). */
  readonly since?: Date | undefined;
  /** File system to read through (default node:fs). */
  readonly fs?: typeof nodeFs;
}

/**
 * HEAD's first-parent chain, newest first: HEAD, its first parent, that one's, and so on, to the
 * root commit or a shallow clone's boundary. With `since`, reading stops after the first commit
 * older than it, where `git log --first-parent --since` stops walking too.
 *
 * @throws NotARepositoryError, GitNoCommitsError, GitUnreadableError as readGitSnapshot does
 */
export async function readFirstParentCommits(options: ReadFirstParentCommitsOptions): Promise<FirstParentCommit[]> {
  const fs = options.fs ?? nodeFs;
  const dirs = await locateRepository(fs, options.dir);
  let oid: string | undefined;
  try {
    oid = await resolveRef({ fs, gitdir: dirs.headDir, ref: "HEAD" });
  } catch (error) {
    if (hasErrorCode(error, "NotFoundError")) throw new GitNoCommitsError(dirs.root, undefined);
    throw new GitUnreadableError(dirs.root, "HEAD", error);
  }
  const shallow = await shallowCommits(fs, dirs.commonDir, dirs.root);
  const since = options.since === undefined ? undefined : options.since.getTime() / 1000;
  const cache = {};
  const chain: FirstParentCommit[] = [];
  while (oid !== undefined) {
    const current: string = oid;
    let object;
    try {
      ({ commit: object } = await readCommit({ fs, gitdir: dirs.commonDir, oid: current, cache }));
    } catch (error) {
      throw new GitUnreadableError(dirs.root, `commit ${current}`, error);
    }
    chain.push({ commit: current, committedAt: object.committer.timestamp });
    if (since !== undefined && object.committer.timestamp < since) break;
    // A shallow clone lists its boundary commits; their parents are not in the repository.
    oid = shallow.has(current) ? undefined : object.parent[0];
  }
  return chain;
}

/**
 * How many commits of a first-parent chain `git log --first-parent --since=S --until=U` lists:
 * walking from the newest, a commit newer than `until` is skipped, one at or after `since` counts,
 * and the walk ends at the first one older than `since` (git does not look past it, even when an
 * older-dated commit is followed by newer-dated ones). Both ends are inclusive, as in git.
 *
 * @example countCommitsBetween(chain, new Date("2024-03-01T00:00:00Z"), new Date("2024-04-01T00:00:00Z"))
 */
export function countCommitsBetween(chain: readonly FirstParentCommit[], since: Date, until: Date): number {
  const from = since.getTime() / 1000;
  const to = until.getTime() / 1000;
  let count = 0;
  for (const { committedAt } of chain) {
    if (committedAt < from) break;
    if (committedAt <= to) count++;
  }
  return count;
}

async function shallowCommits(fs: typeof nodeFs, commonDir: string, root: string): Promise<Set<string>> {
  try {
    const text = await fs.promises.readFile(join(commonDir, "shallow"), "utf8");
    return new Set(text.split("\n").filter(Boolean));
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return new Set();
    throw new GitUnreadableError(root, "the shallow marker", error);
  }
}
