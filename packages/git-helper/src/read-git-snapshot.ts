import * as nodeFs from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import type { GitSnapshot } from "./types.js";
import { readDefaultBranch } from "./default-branch.js";
import { GitUnreadableError } from "./errors.js";
import { locateRepository } from "./locate-repository.js";
import { readHead } from "./read-head.js";
import { readPeeledTags } from "./read-tags.js";

/** Options of readGitSnapshot. */
export interface ReadGitSnapshotOptions {
  /** Any folder inside the work tree. */
  readonly dir: string;
  /** File system to read through (default node:fs); tests inject failures here. */
  readonly fs?: typeof nodeFs;
  /** Environment for locating git's global and system configuration (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Home folder holding ~/.gitconfig (default $HOME, else the OS's idea of it). */
  readonly homeDir?: string;
}

/**
 * Read everything imgs needs about the repository around `dir` once, as plain immutable data.
 *
 * @throws NotARepositoryError when `dir` is not inside a work tree
 * @throws GitNoCommitsError when HEAD's branch has no commit yet
 * @throws GitUnreadableError when any other part of the repository cannot be read
 * @example const git = await readGitSnapshot({ dir: process.cwd() });
 */
export async function readGitSnapshot(options: ReadGitSnapshotOptions): Promise<GitSnapshot> {
  const fs = options.fs ?? nodeFs;
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? env.HOME ?? homedir();
  const dirs = await locateRepository(fs, options.dir);
  // One cache for every object read, so each pack file is opened and indexed only once.
  const cache = {};
  const [head, tags, defaultBranch, shallow] = await Promise.all([
    readHead(fs, dirs, cache),
    readPeeledTags(fs, dirs.root, dirs.commonDir, cache),
    readDefaultBranch(dirs.commonDir, { fs, env, homeDir }).catch((error: unknown) => {
      throw new GitUnreadableError(dirs.root, "the default branch", error);
    }),
    isShallow(fs, dirs.root, dirs.commonDir),
  ]);
  return Object.freeze({
    root: dirs.root,
    commit: head.commit,
    message: head.message,
    branch: head.branch,
    tags: Object.freeze(tags.filter((tag) => tag.target === head.commit).map((tag) => tag.name)),
    allTags: Object.freeze(tags.map((tag) => tag.name)),
    defaultBranch,
    commitDate: head.commitDate,
    shallow,
  });
}

async function isShallow(fs: typeof nodeFs, root: string, commonDir: string): Promise<boolean> {
  try {
    await fs.promises.stat(join(commonDir, "shallow"));
    return true;
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return false;
    throw new GitUnreadableError(root, "the shallow marker", error);
  }
}
