import { dirname } from "node:path";
import { buildStamp, type BuildStamp } from "@imgs/build";
import { NotARepositoryError, readCiEnv, type GitSnapshot } from "@imgs/git-helper";
import { builtinCatalog, loadConfig, type BuildSettings, type Hierarchy } from "@imgs/hierarchy";
import { isRegistryHost, isRepositoryPath } from "@imgs/reference";
import { refContextFrom } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";
import { gitDirOf, readCommandGit } from "./git-env.js";
import { UsageError } from "../errors.js";
import type { RunOptions } from "./options.js";
import { selectImages } from "./select-images.js";

/** The config as `imgs build`, `prune` and `check` use it: the hierarchy (with overrides), its build section, the images. */
export interface BuildTarget {
  readonly hierarchy: Hierarchy;
  readonly settings: BuildSettings;
  readonly configDir: string;
  /** The selected images, parents first (every image when nothing is selected and `select` is false). */
  readonly images: readonly string[];
}

/** Loads the config (warnings to stderr), applies --registry/--owner, and selects the images. */
export async function loadBuildTarget(options: RunOptions, deps: CliDeps, { select }: { readonly select: boolean }): Promise<BuildTarget> {
  const loaded = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
  for (const w of loaded.warnings) deps.stderr.write(`imgs: warning: ${loaded.file}: ${w.path}: ${w.message}\n`);
  if (options.registry !== undefined && options.registry !== "" && !isRegistryHost(options.registry)) {
    throw new UsageError(`--registry "${options.registry}" is not a registry host[:port]`);
  }
  if (options.owner !== undefined && !isRepositoryPath(options.owner)) throw new UsageError(`--owner "${options.owner}" is not a valid owner`);
  const hierarchy = { ...loaded.hierarchy, registry: options.registry ?? loaded.hierarchy.registry, owner: options.owner ?? loaded.hierarchy.owner };
  const images = select || options.all || (options.images?.length ?? 0) > 0 ? selectImages(hierarchy, options) : selectImages(hierarchy, { all: true });
  return { hierarchy, settings: loaded.build, configDir: dirname(loaded.file), images };
}

/** Overrides of the build section from the command line. */
export interface StampOverrides {
  /** Repository to read git from; default the working directory's (gitDirOf). */
  readonly gitDir?: string;
  /** Tag rule lines; replace the config's. */
  readonly tags?: readonly string[];
  /** Name of the sha variable, or false for none. */
  readonly shaEnv?: string | false;
}

/**
 * HEAD and the build's stamp (tags, sha variable, labels), from the same ref context `imgs refs`
 * computes: git, then the CI's environment; the config's `repository` names the source when no CI does.
 */
export async function readStamp(target: BuildTarget, overrides: StampOverrides, deps: CliDeps): Promise<{ git: GitSnapshot; stamp: BuildStamp }> {
  let git: GitSnapshot;
  try {
    git = await readCommandGit(overrides.gitDir, deps);
  } catch (error) {
    if (error instanceof NotARepositoryError) {
      const dir = gitDirOf(overrides.gitDir, deps.cwd);
      throw new UsageError(`${dir} is not inside a git repository: imgs build and prune read the commit from the working directory's repository; run them in a clone or pass --git-dir`);
    }
    throw error;
  }
  const ci = readCiEnv(deps.env);
  const named = target.hierarchy.repository;
  const repo = ci?.repository === undefined && named !== undefined ? { name: named.split("/").at(-1), htmlUrl: `https://github.com/${named}` } : undefined;
  const refs = refContextFrom({ git, ci, now: deps.clock.now().toISOString(), overrides: repo === undefined ? undefined : { repo } });
  const shaEnv = overrides.shaEnv === false ? undefined : (overrides.shaEnv ?? target.settings.shaEnv);
  const tags = overrides.tags !== undefined && overrides.tags.length > 0 ? overrides.tags : target.settings.tags;
  const stamp = buildStamp({ git, refs, tags, flavor: target.settings.flavor, shaEnv, labels: target.settings.labels });
  return { git, stamp };
}
