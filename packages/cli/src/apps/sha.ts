import { readLocalImageSha, type ImageSha } from "@imgs/build";
import { shortHash } from "@imgs/git-helper";
import { builtinCatalog, ConfigNotFoundError, loadConfig } from "@imgs/hierarchy";
import { imageRepository } from "@imgs/reference";
import { endpointOf, ImageNotFoundError } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { ShaNotFoundError, UsageError } from "../errors.js";

/** Options of readImageSha. */
export interface ShaOptions {
  /** IMAGE[:TAG]: a reference, or an image name of the config (then R/O/IMAGE). */
  readonly reference: string;
  /** Variable to read first; default the config's build.shaEnv, else SHA. */
  readonly shaEnv?: string;
  /** Length of the commit tag printed beside the sha (default 12, docker-stacks'; cyber-dojo uses 7). */
  readonly length?: number;
  readonly config?: string;
}

/** What `imgs sha` found. */
export interface ShaResult extends ImageSha {
  /** The reference that was read (after resolving a config image name). */
  readonly reference: string;
  /** The commit tag this sha corresponds to. */
  readonly tag: string;
  /** Where the image was read: "local" (the engine's image configuration). */
  readonly where: "local";
  /** The image id. */
  readonly id: string;
}

/** An image name of the config gives its repository; any other reference is taken as it is. */
async function resolveReference(options: ShaOptions, deps: CliDeps): Promise<{ reference: string; shaEnv: string }> {
  const fallbackEnv = options.shaEnv ?? "SHA";
  const [name = "", tag] = options.reference.split(":");
  if (options.reference.includes("/") || options.reference.includes("@")) return { reference: options.reference, shaEnv: fallbackEnv };
  try {
    const loaded = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
    const shaEnv = options.shaEnv ?? loaded.build.shaEnv ?? "SHA";
    if (!Object.hasOwn(loaded.hierarchy.images, name)) return { reference: options.reference, shaEnv };
    return { reference: `${imageRepository(loaded.hierarchy, name)}:${tag ?? "latest"}`, shaEnv };
  } catch (error) {
    // No config is fine: the reference is then a plain image reference.
    if (error instanceof ConfigNotFoundError && options.config === undefined) return { reference: options.reference, shaEnv: fallbackEnv };
    throw error;
  }
}

/**
 * `imgs sha` as a function: the commit sha baked into an image (cyber-dojo's `docker run --rm
 * IMAGE sh -c 'echo $SHA'`, without running anything): read from the local image's configuration.
 *
 * @throws ShaNotFoundError when the image is not local or holds no sha, naming where it looked
 */
export async function readImageSha(options: ShaOptions, deps: CliDeps): Promise<ShaResult> {
  const length = options.length ?? 12;
  if (!Number.isInteger(length) || length < 4 || length > 40) throw new UsageError(`--length must be a whole number from 4 to 40, got ${length}`);
  const { reference, shaEnv } = await resolveReference(options, deps);
  const docker = await deps.docker();
  try {
    const found = await readLocalImageSha({ reference, docker, shaEnv, where: `the engine at ${endpointOf(docker)}` });
    return { ...found, reference, tag: shortHash({ commit: found.sha }, length), where: "local" };
  } catch (error) {
    if (error instanceof ImageNotFoundError) {
      throw new ShaNotFoundError(reference, `${reference} is not a local image (looked in the engine at ${endpointOf(docker)}); imgs sha does not read registry images yet`, error);
    }
    throw error;
  }
}
