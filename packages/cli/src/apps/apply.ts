import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { imageRef } from "@imgs/hierarchy";
import { tagsFileName } from "@imgs/manifests";
import { splitRepositoryTag, tagImage } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { TagsFileError } from "../errors.js";
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
 */
export async function applyTags(options: ApplyOptions, deps: CliDeps): Promise<AppliedImage[]> {
  const target = await resolveTarget(options, deps);
  const dir = options.tagsDir !== undefined ? resolve(deps.cwd, options.tagsDir) : resolve(target.configDir, target.hierarchy.defaults.tagsDir ?? "out/tags");
  const plan = await Promise.all(
    target.images.map(async (image) => {
      const file = join(dir, tagsFileName({ platform: target.platform, variant: target.variant, image }));
      return { image, source: imageRef(target.hierarchy, image), tags: await readTagsFile(file) };
    }),
  );
  const docker = deps.docker();
  for (const { source, tags } of plan) {
    for (const tag of tags) await tagImage(source, tag, { docker });
  }
  return plan;
}

async function readTagsFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const missing = hasErrorCode(error, "ENOENT");
    throw new TagsFileError(file, missing ? "does not exist; run `imgs tag` for this image, platform and variant first" : "cannot be read", error);
  }
  const tags = text.split("\n").filter((line) => line.trim() !== "");
  if (tags.length === 0) throw new TagsFileError(file, "is empty");
  tags.forEach((tag, i) => {
    try {
      splitRepositoryTag(tag);
    } catch (error) {
      throw new TagsFileError(file, `line ${i + 1} is not an image reference: ${JSON.stringify(tag)}`, error);
    }
  });
  return tags;
}
