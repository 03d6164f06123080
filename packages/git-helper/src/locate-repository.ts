import type * as nodeFs from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { findRoot } from "isomorphic-git";
import { GitUnreadableError, NotARepositoryError } from "./errors.js";

/** Where a work tree's git data lives. */
export interface RepositoryDirs {
  /** Absolute top folder of the work tree. */
  readonly root: string;
  /** The work tree's own git folder: holds HEAD (differs from commonDir in a linked worktree). */
  readonly headDir: string;
  /** The shared git folder: refs, objects, config, shallow. */
  readonly commonDir: string;
}

/** Where git was told the repository is, as GIT_DIR and GIT_WORK_TREE tell it. */
export interface RepositoryHints {
  /** GIT_DIR: the git folder itself; relative to `dir`. */
  readonly gitDir?: string | undefined;
  /** GIT_WORK_TREE: the top of the work tree; relative to `dir`. */
  readonly workTree?: string | undefined;
}

/**
 * Find the work tree containing `dir` and its git folders, honouring GIT_DIR and GIT_WORK_TREE as
 * git does: with GIT_DIR the repository is that folder (not searched for), and its work tree is
 * GIT_WORK_TREE, else `dir`; GIT_WORK_TREE alone names the work tree of the repository found.
 *
 * isomorphic-git follows a `.git` file (linked worktree, submodule) to its folder but ignores
 * `commondir`, so a linked worktree's branches and objects would be looked up in the wrong place;
 * resolving both folders here lets the caller read HEAD from one and everything else from the other.
 *
 * @throws NotARepositoryError when `dir` is in no work tree, or GIT_DIR is not a git folder
 */
export async function locateRepository(fs: typeof nodeFs, dir: string, hints: RepositoryHints = {}): Promise<RepositoryDirs> {
  const start = resolve(dir);
  if (hints.gitDir) return givenRepository(fs, resolve(start, hints.gitDir), resolve(start, hints.workTree || "."));
  try {
    await fs.promises.stat(start);
  } catch (error) {
    throw new NotARepositoryError(start, error);
  }
  let root: string;
  try {
    root = await findRoot({ fs, filepath: start });
  } catch (error) {
    if (hasErrorCode(error, "NotFoundError")) throw new NotARepositoryError(start);
    throw new GitUnreadableError(start, "the work tree root", error);
  }
  try {
    const headDir = await gitFolder(fs, join(root, ".git"));
    const commonDir = await readCommonDir(fs, headDir);
    return { root: hints.workTree ? resolve(start, hints.workTree) : root, headDir, commonDir };
  } catch (error) {
    throw new GitUnreadableError(root, "the .git folder", error);
  }
}

/** The repository GIT_DIR names; git refuses a folder without HEAD as "not a git repository". */
async function givenRepository(fs: typeof nodeFs, headDir: string, root: string): Promise<RepositoryDirs> {
  try {
    await fs.promises.stat(join(headDir, "HEAD"));
  } catch (error) {
    throw new NotARepositoryError(headDir, new Error(`GIT_DIR names it, but it is not a git folder: it has no HEAD`, { cause: error }));
  }
  try {
    return { root, headDir, commonDir: await readCommonDir(fs, headDir) };
  } catch (error) {
    throw new GitUnreadableError(headDir, "the git folder GIT_DIR names", error);
  }
}

async function gitFolder(fs: typeof nodeFs, dotGit: string): Promise<string> {
  if ((await fs.promises.stat(dotGit)).isDirectory()) return dotGit;
  const text = await fs.promises.readFile(dotGit, "utf8");
  const match = /^gitdir: (.+)$/m.exec(text);
  if (!match?.[1]) throw new Error(`${dotGit} is a file without a "gitdir: " line`);
  const target = match[1].trimEnd();
  return isAbsolute(target) ? target : resolve(dotGit, "..", target);
}

async function readCommonDir(fs: typeof nodeFs, headDir: string): Promise<string> {
  try {
    const text = await fs.promises.readFile(join(headDir, "commondir"), "utf8");
    const target = text.trim();
    return isAbsolute(target) ? target : resolve(headDir, target);
  } catch (error) {
    // Only linked worktrees have a commondir file; everywhere else the git folder is shared.
    if (hasErrorCode(error, "ENOENT")) return headDir;
    throw error;
  }
}

