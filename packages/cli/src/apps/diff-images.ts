import type { BuildRecord } from "@imgs/history";
import { builtinCatalog, loadConfig, manifestsFor, type Hierarchy } from "@imgs/hierarchy";
import { buildTimestamp, runManifest, type ManifestContext } from "@imgs/manifests";
import { imageRepository, parseReference, repositoryOf } from "@imgs/reference";
import { inspectImage, startContainer, withExecCache } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";
import { readRunFacts } from "./run-facts.js";

/** How `imgs diff` finds out which image of the config a reference is. */
export interface ImageDiffOptions {
  /** Config file; default the nearest imgs.config.* upward. */
  readonly config?: string | undefined;
  /** The config's image the references are builds of; default: the one whose R/O/I matches. */
  readonly image?: string | undefined;
  /** Repository to read git facts from (for manifests that show them); default the working directory. */
  readonly gitDir?: string | undefined;
}

/** The hierarchy and the image name a reference belongs to. */
async function imageOf(reference: string, options: ImageDiffOptions, deps: CliDeps): Promise<{ hierarchy: Hierarchy; image: string }> {
  const loaded = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
  const hierarchy = loaded.hierarchy;
  if (options.image !== undefined) {
    if (!Object.hasOwn(hierarchy.images, options.image)) throw new UsageError(`--image "${options.image}" is not an image of ${loaded.file}`);
    return { hierarchy, image: options.image };
  }
  const repository = repositoryOf(parseReference(reference));
  const image = Object.keys(hierarchy.images).find((name) => imageRepository(hierarchy, name) === repository);
  if (image === undefined) {
    throw new UsageError(`"${reference}" is neither a file nor an image of ${loaded.file} (no image is named ${repository} there); pass --image NAME to say which image it is a build of`);
  }
  return { hierarchy, image };
}

/**
 * A build record of a local image: its manifests (the config image's, ancestors' first, without
 * build-info) computed in one container, and its local tags in the same repository as tags.
 */
export async function recordFromImage(reference: string, options: ImageDiffOptions, deps: CliDeps): Promise<BuildRecord> {
  const { hierarchy, image } = await imageOf(reference, options, deps);
  const docker = await deps.docker();
  const info = await inspectImage(reference, { docker });
  const { git, refs, now } = await readRunFacts({ gitDir: options.gitDir }, deps);
  const repository = repositoryOf(parseReference(reference));
  await using container = await startContainer({ ...deps.containers, image: reference, docker });
  const ctx: ManifestContext = {
    container: withExecCache(container),
    git,
    refs,
    now,
    image: { name: image, ref: reference, info },
    build: { fullImage: imageRepository(hierarchy, image), repository: hierarchy.repository },
  };
  const manifests = manifestsFor(hierarchy.images, image).filter((m) => m.name !== "build-info");
  const pieces = await Promise.all(manifests.map((manifest) => runManifest(manifest, ctx)));
  const tags = info.repoTags.map((tag) => parseReference(tag)).filter((ref) => repositoryOf(ref) === repository);
  return {
    label: reference,
    image,
    buildTimestamp: buildTimestamp(new Date(info.created)),
    tags: tags.flatMap((ref) => ref.tag ?? []).sort(),
    packages: pieces.flatMap((piece) => piece.packages ?? []),
  };
}
