import * as nodeFs from "node:fs";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import type { GitSnapshot } from "./types.js";
import { readDefaultBranch } from "./default-branch.js";
import { GitRepositoryFormatError, GitUnreadableError } from "./errors.js";
import { gitCli, gitVersion, readSnapshotWithCli } from "./git-cli.js";
import { noTagsRemote, partialTagsReason } from "./partial-tags.js";
import { inferHeadRef, isomorphicRefStore } from "./head-ref.js";
import { locateRepository, type RepositoryDirs } from "./locate-repository.js";
import { readFailure } from "./read-failure.js";
import { readHead } from "./read-head.js";
import { readPeeledTags } from "./read-tags.js";
import { isomorphicGitFormatProblem } from "./repository-format.js";

/** Options of readGitSnapshot. */
export interface ReadGitSnapshotOptions {
  /** Any folder inside the work tree. */
  readonly dir: string;
  /** File system to read through (default node:fs); tests inject failures here. */
  readonly fs?: typeof nodeFs;
  /**
   * The environment, as git reads it: GIT_DIR and GIT_WORK_TREE (relative to `dir`) name the
   * repository and its work tree; HOME, XDG_CONFIG_HOME, GIT_CONFIG_* locate git's global and
   * system configuration; PATH finds the git CLI for repositories isomorphic-git cannot read.
   * Pass `{}` for none of them.
   */
  readonly env: NodeJS.ProcessEnv;
  /** Home folder holding ~/.gitconfig (default `env.HOME`; without either, no user configuration is read). */
  readonly homeDir?: string;
}

/**
 * Read everything imgs needs about the repository around `dir` once, as plain immutable data.
 * isomorphic-git reads it; a repository in a format isomorphic-git does not know (SHA-256 objects,
 * reftable refs, an unknown extension) is read through the git CLI when one on PATH can.
 *
 * @throws NotARepositoryError when `dir` is not inside a work tree
 * @throws GitNoCommitsError when HEAD's branch has no commit yet
 * @throws GitRepositoryFormatError when neither isomorphic-git nor a git CLI can read the format
 * @throws GitObjectMissingError when HEAD's commit or a tag's object is not in the repository
 * @throws GitPermissionDeniedError when a file of the repository may not be read
 * @throws GitUnreadableError when any other part of the repository cannot be read
 * @example const git = await readGitSnapshot({ dir: process.cwd(), env: process.env });
 */
export async function readGitSnapshot(options: ReadGitSnapshotOptions): Promise<GitSnapshot> {
  const fs = options.fs ?? nodeFs;
  const { env } = options;
  const homeDir = options.homeDir ?? env.HOME;
  const dirs = await locateRepository(fs, options.dir, { gitDir: env.GIT_DIR, workTree: env.GIT_WORK_TREE });
  const problem = await isomorphicGitFormatProblem(fs, dirs.commonDir).catch((error: unknown) => {
    throw readFailure(dirs.root, "the repository's config", error);
  });
  if (problem !== undefined) return readWithGitCli(dirs, problem.format, env);
  try {
    return await readWithIsomorphicGit(fs, dirs, { env, homeDir });
  } catch (error) {
    throw readFailure(dirs.root, "the repository", error);
  }
}

async function readWithIsomorphicGit(fs: typeof nodeFs, dirs: RepositoryDirs, config: { env: NodeJS.ProcessEnv; homeDir: string | undefined }): Promise<GitSnapshot> {
  // One cache for every object read, so each pack file is opened and indexed only once.
  const cache = {};
  const [head, tags, defaultBranch, shallow, noTags] = await Promise.all([
    readHead(fs, dirs, cache),
    readPeeledTags(fs, dirs.root, dirs.commonDir, cache),
    readDefaultBranch(dirs.commonDir, { fs, ...config }).catch((error: unknown) => {
      throw readFailure(dirs.root, "the default branch", error);
    }),
    isShallow(fs, dirs.root, dirs.commonDir),
    fs.promises.readFile(join(dirs.commonDir, "config"), "utf8").then(noTagsRemote, (error: unknown) => {
      if (hasErrorCode(error, "ENOENT")) return undefined;
      throw readFailure(dirs.root, "the repository's config", error);
    }),
  ]);
  const store = isomorphicRefStore({ fs, gitdir: dirs.commonDir, cache, commit: head.commit });
  const headRef = await inferHeadRef({ commit: head.commit, branch: head.branch, tags, store }).catch((error: unknown) => {
    throw readFailure(dirs.root, "the refs at HEAD", error);
  });
  return Object.freeze({
    root: dirs.root,
    commit: head.commit,
    message: head.message,
    branch: head.branch,
    headRef,
    tags: Object.freeze(tags.filter((tag) => tag.target === head.commit).map((tag) => tag.name)),
    allTags: Object.freeze(tags.map((tag) => tag.name)),
    defaultBranch,
    commitDate: head.commitDate,
    shallow,
    partialTags: partialTagsReason(shallow, noTags),
  });
}

/** The snapshot through the git CLI, or GitRepositoryFormatError saying why git could not read it either. */
async function readWithGitCli({ root, headDir }: RepositoryDirs, format: string, env: NodeJS.ProcessEnv): Promise<GitSnapshot> {
  const cli = gitCli(root, env, headDir);
  const version = await gitVersion(cli);
  if (version === undefined) throw new GitRepositoryFormatError(root, format, "no git CLI is on PATH to read it instead: install git");
  try {
    return await readSnapshotWithCli(cli);
  } catch (error) {
    if (!(error instanceof GitUnreadableError)) throw error;
    // git's fatal messages may wrap onto a second, indented line.
    const said = (error.cause instanceof Error ? error.cause.message : error.message).replace(/\s+/g, " ");
    throw new GitRepositoryFormatError(root, format, `git ${version} on PATH cannot read it either (${said}): use a git that can`, error);
  }
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
