import { resolve } from "node:path";
import { readCiEnv, readGitSnapshot, type GitSnapshot } from "@imgs/git-helper";
import { refContextFrom, type RefContext } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";

/** The facts a run reads once and every image shares. */
export interface RunFacts {
  readonly git: GitSnapshot;
  /** The git-ref context ref rules are computed for: git, then the CI's variables. */
  readonly refs: RefContext;
  /**
   * The run's one instant, as docker-stacks' module-level BUILD_TIMESTAMP: the date tag, the
   * manifest and the history line all agree, across images too.
   */
  readonly now: Date;
}

/**
 * Reads the repository of the working directory (or --git-dir), as git, docker-stacks' GitHelper
 * and metadata-action do — not the config file's folder, which may hold another repository — and
 * the CI environment, once per run.
 *
 * @throws NotARepositoryError, GitNoCommitsError, GitUnreadableError
 */
export async function readRunFacts(options: { readonly gitDir?: string }, deps: CliDeps): Promise<RunFacts> {
  const git = await readGitSnapshot({ dir: resolve(deps.cwd, options.gitDir ?? "."), env: deps.env });
  const now = deps.clock.now();
  const refs = refContextFrom({ git, ci: readCiEnv(deps.env), now: now.toISOString() });
  return { git, refs, now };
}
