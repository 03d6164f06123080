import { ImagePlatformMissingError, readLocalImageSha, readRegistryImageSha, type ImageSha, type RegistryImageSha } from "@imgs/build";
import { shortHash } from "@imgs/git-helper";
import { builtinCatalog, ConfigNotFoundError, loadConfig } from "@imgs/hierarchy";
import { ociPlatformOf, prefixPlatformOf } from "@imgs/manifests";
import { canonicalReference, imageRepository, parseReference } from "@imgs/reference";
import { RegistryNotFoundError, RegistryRequestFailedError, type Platform } from "@imgs/registry";
import { endpointOf, ImageNotFoundError } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { ShaNotFoundError, UsageError } from "../errors.js";
import { registryClientOf, withRunSignal, type RegistryAccessOptions } from "../registry/access.js";

/** Where `imgs sha` reads: the local image, then its registry (auto); or only one of them. */
export const SHA_SOURCES = ["auto", "local", "registry"] as const;
export type ShaSource = (typeof SHA_SOURCES)[number];

/** Options of readImageSha. */
export interface ShaOptions extends RegistryAccessOptions {
  /** IMAGE[:TAG] or IMAGE@DIGEST: a reference, or an image name of the config (then R/O/IMAGE). */
  readonly reference: string;
  /** Variable to read first; default the config's build.shaEnv, else SHA. */
  readonly shaEnv?: string;
  /** Length of the commit tag printed beside the sha (default 12, docker-stacks'; cyber-dojo uses 7). */
  readonly length?: number;
  readonly config?: string;
  /**
   * "auto" (default): the local image; when the engine has none and the reference names a registry,
   * that registry. "local": the engine only. "registry": the registry only (no engine needed).
   */
  readonly from?: ShaSource;
  /** OCI platform (`linux/arm64`) or tag prefix platform (`aarch64`) to read; default this machine's. */
  readonly platform?: string;
}

/** What `imgs sha` found. */
export type ShaResult = ImageSha & {
  /** The reference that was read (after resolving a config image name). */
  readonly reference: string;
  /** The commit tag this sha corresponds to. */
  readonly tag: string;
} & (
    | { readonly where: "local"; readonly id: string; readonly platform: string }
    | (Omit<RegistryImageSha, keyof ImageSha> & { readonly where: "registry"; readonly platformsAgree: boolean })
  );

/**
 * --platform as an OCI platform: `os/arch[/variant]`, a tag prefix platform (`x86_64`, `aarch64`,
 * `arm64`, mapped by @imgs/manifests' ociPlatformOf) or an architecture (`amd64`); default this
 * machine's (`uname -m`), mapped the same way, else taken as `linux/<machine>`.
 *
 * @throws UsageError for anything else
 */
export function shaPlatformOf(value: string | undefined, machine: string): Platform {
  if (value === undefined) return ociPlatformOf(machine) ?? { os: "linux", architecture: machine };
  const parts = value.split("/");
  if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^[a-z0-9][a-z0-9._-]*$/.test(p))) {
    const [os = "", architecture = "", variant] = parts;
    return variant === undefined ? { os, architecture } : { os, architecture, variant };
  }
  const mapped = ociPlatformOf(value) ?? (prefixPlatformOf(value) === undefined ? undefined : { os: "linux", architecture: value });
  if (mapped === undefined) throw new UsageError(`--platform must be OS/ARCH[/VARIANT] (linux/arm64) or x86_64, aarch64, amd64, arm64; got ${JSON.stringify(value)}`);
  return mapped;
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
 * IMAGE sh -c 'echo $SHA'`, without running or pulling anything), read from the local image's
 * configuration or from the registry image's config blob (see `from`). For an image index the
 * asked platform's config is read, and `platformsAgree` says whether every platform carries the
 * same sha (docker-stacks merges one commit's platform images, so they should).
 *
 * @throws UsageError for a bad --length, --platform or reference (InvalidReferenceError);
 *   ShaNotFoundError when the image is neither local nor in its registry, naming where it looked;
 *   ImageHasNoShaError, ImagePlatformMissingError (from @imgs/build); the registry's and the engine's errors
 */
export async function readImageSha(options: ShaOptions, deps: CliDeps): Promise<ShaResult> {
  options = withRunSignal(options, deps);
  const length = options.length ?? 12;
  if (!Number.isInteger(length) || length < 4 || length > 40) throw new UsageError(`--length must be a whole number from 4 to 40, got ${length}`);
  const from = options.from ?? "auto";
  if (!SHA_SOURCES.includes(from)) throw new UsageError(`--from must be ${SHA_SOURCES.join(", ")}; got ${JSON.stringify(from)}`);
  const platform = shaPlatformOf(options.platform, deps.machine);
  const { reference, shaEnv } = await resolveReference(options, deps);
  // A bad reference is refused (exit 2) before the engine or a registry is asked.
  const parsed = parseReference(reference);
  const commitTag = (sha: string): string => shortHash({ commit: sha }, length);

  let notLocal = "";
  let localPlatform = "";
  if (from !== "registry") {
    const docker = await deps.docker();
    const engine = `the engine at ${endpointOf(docker)}`;
    try {
      const found = await readLocalImageSha({ reference, docker, shaEnv, where: engine });
      const wanted = `${platform.os}/${platform.architecture}`;
      // An asked-for platform the local image is not: auto looks in the registry, local refuses.
      if (options.platform === undefined || found.platform === wanted) return { reference, where: "local", ...found, tag: commitTag(found.sha) };
      if (from === "local" || parsed.registry === undefined) throw new ImagePlatformMissingError(reference, wanted, `local image ${found.id.slice(7, 19)} (${engine})`, [found.platform]);
      localPlatform = `local image ${found.id.slice(7, 19)} (${engine}) is ${found.platform}`;
      notLocal = `has no ${wanted} image locally (${localPlatform})`;
    } catch (error) {
      if (!(error instanceof ImageNotFoundError)) throw error;
      notLocal = `is not a local image (looked in ${engine})`;
      if (from === "local") throw new ShaNotFoundError(reference, `${reference} ${notLocal}`, error);
      if (parsed.registry === undefined) {
        const hint = `it names no registry, so none was asked (name one, e.g. ${canonicalReference(parsed).registry}/${canonicalReference(parsed).path}, or use --from registry)`;
        throw new ShaNotFoundError(reference, `${reference} ${notLocal}; ${hint}`, error);
      }
    }
  }

  const client = registryClientOf(deps, options);
  let found: RegistryImageSha;
  try {
    found = await readRegistryImageSha({ reference, client, shaEnv, platform, strictPlatform: options.platform !== undefined, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    // Say what the engine had too when it had the image, of another platform.
    if (error instanceof ImagePlatformMissingError && localPlatform) {
      throw new ImagePlatformMissingError(error.reference, error.platform, `${localPlatform} and ${error.where}`, error.available);
    }
    if (!(error instanceof RegistryRequestFailedError)) throw error;
    const url = client.urlOf(canonicalReference(parsed).registry);
    if (error instanceof RegistryNotFoundError) {
      const registry = `the registry at ${url} (${error.message})`;
      throw new ShaNotFoundError(reference, `${reference} ${notLocal ? `${notLocal} nor in ${registry}` : `is not in ${registry}`}`, error);
    }
    // After the engine said no, the registry's failure is the answer, with both places named.
    if (notLocal) throw new ShaNotFoundError(reference, `${reference} ${notLocal}, and the registry at ${url} could not be read: ${error.message}`, error);
    throw error;
  }
  const platformsAgree = new Set(found.platforms.map((p) => p.sha)).size <= 1;
  return { reference, where: "registry", ...found, tag: commitTag(found.sha), platformsAgree };
}
