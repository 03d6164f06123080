import { readCiEnv, type GitSnapshot } from "@imgs/git-helper";
import { refContextFrom, refOptionsFromEnv, type RefContext, type RefContextSource } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";
import { readCommandGit } from "./git-env.js";

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
export async function readRunFacts(options: RunFactsOptions, deps: CliDeps): Promise<RunFacts> {
  const git = await readCommandGit(options.gitDir, deps);
  const now = deps.clock.now();
  // CI metadata that cannot be read degrades as in metadata-action: a warning, then what is known.
  const ci = readCiEnv(deps.env);
  for (const warning of ci?.warnings ?? []) deps.stderr.write(`imgs: warning: ${warning}\n`);
  // metadata-action's DOCKER_METADATA_* settings reach the config's ref rules through the context.
  const { usePrHeadSha, shortShaLength } = refOptionsFromEnv(deps.env);
  const refs = refContextFrom({ git, ci, source: options.source ?? "workflow", now: now.toISOString(), overrides: { usePrHeadSha, shortShaLength } });
  return { git, refs, now };
}

/** Where a run's facts come from. */
export interface RunFactsOptions {
  /** Repository to read; default the working directory's. */
  readonly gitDir?: string | undefined;
  /** metadata-action's `context`: the CI's event (workflow, the default) or the repository even in CI (git). */
  readonly source?: RefContextSource | undefined;
}
