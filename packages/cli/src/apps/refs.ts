import { resolve } from "node:path";
import { NotARepositoryError, readCiEnv, readGitSnapshot, type GitSnapshot } from "@imgs/git-helper";
import { computeRefTags, refContextFrom, type RefContext, type RefTagsResult } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";

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
  /** Explicit context values; they win over CI variables, which win over the repository. */
  readonly context?: Partial<RefContext>;
  readonly explain?: boolean;
  readonly latestRequiresHighestSemver?: boolean;
  readonly shortShaLength?: number;
}

/**
 * Input lines as metadata-action reads them: values may hold several lines; blank lines and lines
 * starting with `#` are dropped; each line is trimmed.
 */
export function inputLines(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/**
 * Tags, labels and version for the current repository (or an explicit context), with
 * docker/metadata-action's rules. Outside a repository an explicit --ref or --sha is enough.
 */
export async function computeRefs(options: RefsOptions, deps: CliDeps): Promise<RefTagsResult> {
  const git = await readGitOrSkip(resolve(deps.cwd, options.gitDir ?? "."), options.context, deps.env);
  const context = refContextFrom({ git, ci: readCiEnv(deps.env), overrides: options.context, now: deps.clock.now().toISOString() });
  return computeRefTags({
    images: inputLines(options.images),
    tags: inputLines(options.tags),
    flavor: inputLines(options.flavor),
    labels: inputLines(options.labels),
    annotations: inputLines(options.annotations),
    context,
    explain: options.explain,
    latestRequiresHighestSemver: options.latestRequiresHighestSemver,
    shortShaLength: options.shortShaLength,
  });
}

async function readGitOrSkip(dir: string, overrides: Partial<RefContext> | undefined, env: NodeJS.ProcessEnv): Promise<GitSnapshot | undefined> {
  try {
    return await readGitSnapshot({ dir, env });
  } catch (error) {
    const explicit = overrides?.ref !== undefined || overrides?.sha !== undefined;
    if (error instanceof NotARepositoryError && explicit) return undefined;
    if (error instanceof NotARepositoryError) {
      throw new UsageError(`${dir} is not inside a git repository; run imgs refs in one, or give the context with --ref and --sha`);
    }
    throw error;
  }
}
