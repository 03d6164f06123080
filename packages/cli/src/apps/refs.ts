import { NotARepositoryError, readCiEnv, readGitSnapshot, type CiFacts, type GitSnapshot } from "@imgs/git-helper";
import { computeRefTags, refContextFrom, refOptionsFromEnv, type RefContext, type RefContextSource, type RefTagsResult } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";
import { gitDirOf, gitEnv } from "./git-env.js";
import { tagProblem } from "@imgs/reference";
import { InvalidRefTagError, UsageError } from "../errors.js";

// What the refs command uses, loaded together when it runs.
export { listPresets } from "@imgs/taggers";
export { writeFileAtomic } from "../files/write-files.js";
export { renderRefs } from "./format-refs.js";

/** Options of computeRefs: metadata-action's inputs as lines, and context overrides. */
export interface RefsOptions {
  /** Tag rule lines (and `preset=<name>` lines); none: metadata-action's defaults. */
  readonly tags?: readonly string[];
  readonly flavor?: readonly string[];
  /** Image lines; none gives bare tags. */
  readonly images?: readonly string[];
  readonly labels?: readonly string[];
  readonly annotations?: readonly string[];
  /** Repository to read; default the working directory. */
  readonly gitDir?: string;
  /** metadata-action's `context` input: `workflow` (default) or `git`. */
  readonly source?: RefContextSource;
  /** Explicit context values; they win over CI variables and the repository. */
  readonly context?: Partial<RefContext>;
  readonly explain?: boolean;
  readonly latestRequiresHighestSemver?: boolean;
  /** Wins over DOCKER_METADATA_SHORT_SHA_LENGTH. */
  readonly shortShaLength?: number;
  /** Wins over DOCKER_METADATA_PR_HEAD_SHA. */
  readonly usePrHeadSha?: boolean;
}

/**
 * Tags, labels and version for the current repository (or an explicit context), with
 * docker/metadata-action's rules, inputs and environment variables (`DOCKER_METADATA_*` from
 * `deps.env`). CI metadata that is missing or unreadable is a warning on stderr, as in
 * metadata-action; outside a repository the CI's facts, or an explicit --ref or --sha, are enough.
 *
 * @throws UsageError outside a repository with nothing else to go on, or with source `git`
 * @throws InvalidRefTagError when a tag made is one Docker would refuse (metadata-action prints
 *   it; its sanitising only replaces characters, so `-rf`, `--help` or 300 characters stay as they are)
 */
export async function computeRefs(options: RefsOptions, deps: CliDeps): Promise<RefTagsResult> {
  const ci = readCiEnv(deps.env);
  for (const warning of ci?.warnings ?? []) deps.stderr.write(`imgs: warning: ${warning}\n`);
  const source = options.source ?? "workflow";
  const git = await readGitOrSkip(gitDirOf(options.gitDir, deps.cwd), { source, ci, overrides: options.context, deps, gitDirFlag: options.gitDir });
  const context = refContextFrom({ git, ci, source, overrides: options.context, now: deps.clock.now().toISOString() });
  const fromEnv = refOptionsFromEnv(deps.env);
  const result = await computeRefTags({
    images: options.images,
    tags: options.tags,
    flavor: options.flavor,
    labels: options.labels,
    annotations: options.annotations,
    context,
    // Always: a tag Docker would refuse is reported with the rule that made it.
    explain: true,
    latestRequiresHighestSemver: options.latestRequiresHighestSemver,
    annotationLevels: fromEnv.annotationLevels,
    shortShaLength: options.shortShaLength ?? fromEnv.shortShaLength,
    usePrHeadSha: options.usePrHeadSha ?? fromEnv.usePrHeadSha,
  });
  for (const name of result.tagNames) {
    const problem = tagProblem(name);
    if (problem === undefined) continue;
    const made = result.explain?.find((entry) => entry.kind === "tag" && entry.value === name);
    throw new InvalidRefTagError(name, made?.kind === "tag" ? made.rule : undefined, problem);
  }
  for (const warning of result.warnings ?? []) deps.stderr.write(`imgs: warning: ${warning}\n`);
  if (options.explain === true) return result;
  const { explain: _explain, ...withoutExplain } = result;
  return withoutExplain;
}

interface GitNeeds {
  readonly source: RefContextSource;
  readonly ci: CiFacts | undefined;
  readonly overrides: Partial<RefContext> | undefined;
  readonly deps: CliDeps;
  readonly gitDirFlag: string | undefined;
}

async function readGitOrSkip(dir: string, { source, ci, overrides, deps, gitDirFlag }: GitNeeds): Promise<GitSnapshot | undefined> {
  try {
    return await readGitSnapshot({ dir, env: gitEnv(deps.env, gitDirFlag, deps.cwd) });
  } catch (error) {
    if (!(error instanceof NotARepositoryError)) throw error;
    if (source === "git") throw new UsageError(`${dir} is not inside a git repository, and --context git reads one; run imgs refs in one or give --git-dir`);
    if (overrides?.ref !== undefined || overrides?.sha !== undefined) return undefined;
    if (ci?.ref || ci?.sha) {
      deps.stderr.write(`imgs: warning: ${dir} is not inside a git repository; the ref and commit are the CI's alone\n`);
      return undefined;
    }
    // GIT_DIR may name the folder that is not a repository.
    const what = error.dir === dir ? `${dir} is not inside a git repository` : error.message;
    throw new UsageError(`${what}; run imgs refs in one, or give the context with --ref and --sha`, error);
  }
}
