import { resolve } from "node:path";
import { readGitSnapshot } from "@imgs/git-helper";
import type { BuildRecord } from "@imgs/history";
import { builtinCatalog, fullImageName, loadConfig, manifestsFor, type Hierarchy } from "@imgs/hierarchy";
import { buildTimestamp, ManifestFailedError, type ManifestContext } from "@imgs/manifests";
import { inspectImage, splitRepositoryTag, startContainer, withExecCache } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";

/** How `imgs diff` finds out which image of the config a reference is. */
export interface ImageDiffOptions {
  /** Config file; default the nearest imgs.config.* upward. */
  readonly config?: string | undefined;
  /** The config's image the references are builds of; default: the one whose R/O/I matches. */
  readonly image?: string | undefined;
  /** Repository to read git facts from (for manifests that show them); default the config's folder. */
  readonly gitDir?: string | undefined;
}

/** The hierarchy and the image name a reference belongs to. */
async function imageOf(reference: string, options: ImageDiffOptions, deps: CliDeps): Promise<{ hierarchy: Hierarchy; image: string; configDir: string }> {
  const loaded = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
  const hierarchy = loaded.hierarchy;
  const configDir = resolve(loaded.file, "..");
  if (options.image !== undefined) {
    if (!Object.hasOwn(hierarchy.images, options.image)) throw new UsageError(`--image "${options.image}" is not an image of ${loaded.file}`);
    return { hierarchy, image: options.image, configDir };
  }
  const { repository } = splitRepositoryTag(reference);
  const image = Object.keys(hierarchy.images).find((name) => fullImageName(hierarchy, name) === repository);
  if (image === undefined) {
    throw new UsageError(`"${reference}" is neither a file nor an image of ${loaded.file} (no image is named ${repository} there); pass --image NAME to say which image it is a build of`);
  }
  return { hierarchy, image, configDir };
}

/**
 * A build record of a local image: its manifests (the config image's, ancestors' first, without
 * build-info) computed in one container, and its local tags in the same repository as tags.
 */
export async function recordFromImage(reference: string, options: ImageDiffOptions, deps: CliDeps): Promise<BuildRecord> {
  const { hierarchy, image, configDir } = await imageOf(reference, options, deps);
  const docker = deps.docker();
  const info = await inspectImage(reference, { docker });
  const git = await readGitSnapshot({ dir: resolve(deps.cwd, options.gitDir ?? configDir), env: deps.env });
  const { repository } = splitRepositoryTag(reference);
  await using container = await startContainer({ image: reference, docker });
  const now = deps.clock.now();
  const ctx: ManifestContext = {
    container: withExecCache(container),
    git,
    clock: { now: () => now },
    image: { name: image, ref: reference, info },
    build: { fullImage: fullImageName(hierarchy, image), repository: hierarchy.repository },
  };
  const manifests = manifestsFor(hierarchy.images, image).filter((m) => m.name !== "build-info");
  const pieces = await Promise.all(
    manifests.map(async (manifest) => {
      try {
        return await manifest(ctx);
      } catch (error) {
        throw error instanceof ManifestFailedError ? error : new ManifestFailedError(manifest.name, reference, error);
      }
    }),
  );
  return {
    label: reference,
    image,
    buildTimestamp: buildTimestamp(new Date(info.created)),
    tags: info.repoTags.filter((tag) => splitRepositoryTag(tag).repository === repository).map((tag) => splitRepositoryTag(tag).tag).sort(),
    packages: pieces.flatMap((piece) => piece.packages ?? []),
  };
}
