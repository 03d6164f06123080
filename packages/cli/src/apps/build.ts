import { buildTree, type BuildTreeResult } from "@imgs/build";
import { isVariableName } from "@imgs/hierarchy";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { buildReporter } from "./build-report.js";
import { loadBuildTarget, readStamp } from "./build-target.js";
import { jobsOf, type RunOptions } from "./options.js";

/** Options of buildImages: the run options plus docker build's. */
export interface BuildOptions extends RunOptions {
  /** Print every line of build output to stderr, prefixed with the image name. */
  readonly verbose?: boolean;
  /** Build arguments (`NAME=value`) for every image, over the config's. */
  readonly buildArgs?: readonly string[];
  /** Stage of every Dockerfile to build (`docker build --target`). */
  readonly target?: string;
  /** No cached layers (`docker build --no-cache`). */
  readonly noCache?: boolean;
  /** Tag rule lines (metadata-action's, presets too); replace the config's build.tags. */
  readonly tagRules?: readonly string[];
  /** Name of the sha variable, or false for none; default the config's build.shaEnv. */
  readonly shaEnv?: string | false;
}

/** What buildImages did, plus the commit the images hold. */
export type BuildImagesResult = BuildTreeResult & { readonly commit: string };

/** "NAME=value" lines as a record; UsageError for a line without a name. */
export function parseBuildArgs(lines: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf("=");
    if (at <= 0) throw new UsageError(`--build-arg ${JSON.stringify(line)} must be NAME=value`);
    args[line.slice(0, at)] = line.slice(at + 1);
  }
  return args;
}

/**
 * `imgs build` as a function: builds the selected images of the config's Dockerfiles, parents
 * first, each child FROM the parent image this run built (by id); tags each with the build's tags
 * (default: the commit tag and latest) and bakes in the commit sha and OCI labels. Progress goes to
 * deps.stderr; failures are in the result (the command turns them into exit status 1).
 */
export async function buildImages(options: BuildOptions, deps: CliDeps): Promise<BuildImagesResult> {
  const buildArgs = parseBuildArgs(options.buildArgs ?? []);
  if (options.shaEnv !== undefined && options.shaEnv !== false && !isVariableName(options.shaEnv)) {
    throw new UsageError(`--sha-env ${JSON.stringify(options.shaEnv)} must be a variable name (letters, digits and _, not starting with a digit)`);
  }
  const target = await loadBuildTarget(options, deps, { select: true });
  const jobs = jobsOf(options.jobs, target.hierarchy.defaults.jobs, deps.cpus);
  const { git, stamp } = await readStamp(target, { gitDir: options.gitDir, tags: options.tagRules, shaEnv: options.shaEnv }, deps);
  const reporter = buildReporter(deps.stderr, { quiet: options.quiet, verbose: options.verbose });
  try {
    const result = await buildTree({
      hierarchy: target.hierarchy,
      images: target.images,
      docker: await deps.docker(),
      stamp,
      baseImageArg: target.settings.baseImageArg,
      buildArgs,
      ...(options.target === undefined ? {} : { target: options.target }),
      noCache: options.noCache === true,
      jobs,
      onEvent: reporter.onEvent,
      // SIGINT/SIGTERM close the build connections, so the engine stops the builds.
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return { ...result, commit: git.commit };
  } finally {
    reporter.close();
  }
}
