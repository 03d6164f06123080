import { dirname } from "node:path";
import { builtinCatalog, loadConfig, type Hierarchy } from "@imgs/hierarchy";
import { tagPrefix, unifyPlatform } from "@imgs/manifests";
import { isRegistryHost, isRepositoryPath, tagProblem } from "@imgs/reference";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import type { RunOptions } from "./options.js";
import { selectImages } from "./select-images.js";

/** The hierarchy with command-line overrides, the images to work on, and the build's platform. */
export interface Target {
  readonly hierarchy: Hierarchy;
  readonly configFile: string;
  readonly configDir: string;
  /** The images asked for, parents first. */
  readonly images: readonly string[];
  /** Tag prefix platform: x86_64 or aarch64. */
  readonly platform: string;
  readonly variant: string;
  /** The tag prefix of this platform and variant, e.g. "x86_64" or "x86_64-cuda". */
  readonly prefix: string;
}

/**
 * Loads the config (warnings to stderr) and applies the command line over it. Everything here is
 * checked before any container starts.
 *
 * @throws ConfigNotFoundError, ConfigLoadError, ConfigInvalidError, UnknownImageError, UsageError
 */
export async function resolveTarget(options: RunOptions, deps: CliDeps): Promise<Target> {
  const loaded = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
  for (const w of loaded.warnings) deps.stderr.write(`imgs: warning: ${loaded.file}: ${w.path}: ${w.message}\n`);
  const hierarchy = withOverrides(loaded.hierarchy, options);
  const images = selectImages(hierarchy, options);
  const platform = unifyPlatform(options.platform ?? hierarchy.defaults.platform ?? deps.machine);
  const variant = options.variant ?? hierarchy.defaults.variant;
  const prefix = tagPrefix({ platform, variant });
  const problem = tagProblem(`${prefix}-latest`);
  if (problem) throw new UsageError(`platform "${platform}" and variant "${variant}" make the tag prefix "${prefix}", which cannot start a tag: ${problem}`);
  return { hierarchy, configFile: loaded.file, configDir: dirname(loaded.file), images, platform, variant, prefix };
}

function withOverrides(h: Hierarchy, o: RunOptions): Hierarchy {
  if (o.registry !== undefined && o.registry !== "" && !isRegistryHost(o.registry)) throw new UsageError(`--registry "${o.registry}" is not a registry host[:port]`);
  if (o.owner !== undefined && o.owner !== "" && !isRepositoryPath(o.owner)) throw new UsageError(`--owner "${o.owner}" is not a valid owner`);
  return { ...h, registry: o.registry ?? h.registry, owner: o.owner ?? h.owner };
}
