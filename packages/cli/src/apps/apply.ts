import { join, resolve } from "node:path";
import { imageRef } from "@imgs/hierarchy";
import { readTagsFile, tagsFileName } from "@imgs/manifests";
import { imageRepository } from "@imgs/reference";
import { tagImage } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import type { RunOptions } from "./options.js";
import { resolveTarget } from "./resolve-target.js";

/** Options of applyTags. */
export interface ApplyOptions extends RunOptions {
  readonly tagsDir?: string;
}

/** What applyTags did for one image. */
export interface AppliedImage {
  readonly image: string;
  readonly source: string;
  readonly tags: readonly string[];
}

/**
 * Puts the tags of each image's tags file (written by `imgs tag`) on its local image R/O/I:latest,
 * as docker-stacks' apply_tags does. Every file is read and checked before any tag is applied.
 *
 * @throws TagsFileError (from @imgs/manifests) for a missing or invalid tags file, before tagging
 */
export async function applyTags(options: ApplyOptions, deps: CliDeps): Promise<AppliedImage[]> {
  const target = await resolveTarget(options, deps);
  const dir = options.tagsDir !== undefined ? resolve(deps.cwd, options.tagsDir) : resolve(target.configDir, target.hierarchy.defaults.tagsDir ?? "out/tags");
  const plan = await Promise.all(
    target.images.map(async (image) => {
      const file = join(dir, tagsFileName({ platform: target.platform, variant: target.variant, image }));
      // A line naming another repository is refused: a tags file must not tag someone else's image.
      const tags = await readTagsFile(file, { repository: imageRepository(target.hierarchy, image) });
      return { image, source: imageRef(target.hierarchy, image), tags };
    }),
  );
  const docker = await deps.docker();
  for (const { source, tags } of plan) {
    for (const tag of tags) await tagImage(source, tag, { docker });
  }
  return plan;
}
