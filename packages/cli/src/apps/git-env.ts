import { resolve } from "node:path";

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
