import { resolve } from "node:path";
import { readGitSnapshot, type GitSnapshot } from "@imgs/git-helper";
import type { CliDeps } from "../deps.js";

// Which repository a command reads git facts from, one owner for every command that reads git.

/**
 * The repository a command reads: --git-dir (relative to the working directory), else the working
 * directory's, as git, docker-stacks' GitHelper (searches upward from the working directory) and
 * metadata-action do; never the config file's folder, which may be another checkout.
 */
export const gitDirOf = (gitDirFlag: string | undefined, cwd: string): string => resolve(cwd, gitDirFlag ?? ".");

/**
 * The environment git facts are read with: GIT_DIR and GIT_WORK_TREE name the repository as they
 * do for git (relative to the working directory), unless --git-dir names one, as git's own
 * --git-dir wins over GIT_DIR.
 */
export function gitEnv(env: NodeJS.ProcessEnv, gitDirFlag: string | undefined, cwd: string): NodeJS.ProcessEnv {
  const { GIT_DIR: gitDir, GIT_WORK_TREE: workTree, ...rest } = env;
  if (gitDirFlag !== undefined) return rest;
  return {
    ...rest,
    ...(gitDir ? { GIT_DIR: resolve(cwd, gitDir) } : {}),
    ...(workTree ? { GIT_WORK_TREE: resolve(cwd, workTree) } : {}),
  };
}

/**
 * HEAD's snapshot of the command's repository (gitDirOf, with gitEnv).
 *
 * @throws NotARepositoryError, GitNoCommitsError, GitUnreadableError (from @imgs/git-helper)
 */
export function readCommandGit(gitDirFlag: string | undefined, deps: Pick<CliDeps, "cwd" | "env">): Promise<GitSnapshot> {
  return readGitSnapshot({ dir: gitDirOf(gitDirFlag, deps.cwd), env: gitEnv(deps.env, gitDirFlag, deps.cwd) });
}
