import { join, resolve } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { ALL_PLATFORMS, readTagsFile, TagsFileError, tagsFileName } from "@imgs/manifests";
import type { CliDeps } from "../deps.js";
import type { Target } from "../apps/resolve-target.js";

/** One platform's tags file of an image: its path and its tags, each a valid `repository:tag`. */
export interface PlatformTags {
  readonly platform: string;
  readonly file: string;
  readonly tags: readonly string[];
}

/** The tags folder of a run: --tags-dir (from the working directory), else the config's, else out/tags. */
export const tagsDirOf = (tagsDir: string | undefined, target: Target, deps: Pick<CliDeps, "cwd">): string =>
  tagsDir !== undefined ? resolve(deps.cwd, tagsDir) : resolve(target.configDir, target.hierarchy.defaults.tagsDir ?? "out/tags");

/**
 * An image's tags file of one platform, read and checked by its owner (@imgs/manifests'
 * readTagsFile: every line `repository:tag`, of the image's repository when `repository` is
 * given); undefined when the file does not exist and it is not `required`.
 *
 * @throws TagsFileError (from @imgs/manifests) for a missing required file or a bad line
 */
export async function readPlatformTags(
  dir: string,
  o: { platform: string; variant: string; image: string; required: boolean; repository?: string },
): Promise<PlatformTags | undefined> {
  const file = join(dir, tagsFileName(o));
  try {
    const tags = await readTagsFile(file, o.repository === undefined ? {} : { repository: o.repository });
    return { platform: o.platform, file, tags };
  } catch (error) {
    if (!o.required && error instanceof TagsFileError && hasErrorCode(error.cause, "ENOENT")) return undefined;
    throw error;
  }
}

/** Every platform's tags file of an image that exists, in docker-stacks' platform order (aarch64, x86_64). */
export async function readAllPlatformTags(dir: string, o: { variant: string; image: string; repository?: string }): Promise<PlatformTags[]> {
  const found = await Promise.all(ALL_PLATFORMS.map((platform) => readPlatformTags(dir, { ...o, platform, required: false })));
  return found.filter((f): f is PlatformTags => f !== undefined);
}

/**
 * docker-stacks' read_local_tags_from_files: each tag with its platform prefix removed (every
 * `<platform>-` in the line, as Python's str.replace does), mapped to the platforms whose files
 * list it, in the order first seen.
 */
export function mergedTags(files: readonly PlatformTags[]): Map<string, Set<string>> {
  const merged = new Map<string, Set<string>>();
  for (const { platform, tags } of files) {
    for (const tag of tags) {
      const name = tag.replaceAll(`${platform}-`, "");
      let platforms = merged.get(name);
      if (platforms === undefined) merged.set(name, (platforms = new Set()));
      platforms.add(platform);
    }
  }
  return merged;
}

/** docker-stacks' `image, _, tag = merged_tag.rpartition(":")`: the platform tag of a merged tag. */
export function platformTagOf(merged: string, platform: string): string {
  const colon = merged.lastIndexOf(":");
  return `${merged.slice(0, colon)}:${platform}-${merged.slice(colon + 1)}`;
}
