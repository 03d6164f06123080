import { readFile } from "node:fs/promises";
import { DockerfileUnreadableError, unpinnedFroms, type UnpinnedFrom } from "@imgs/build";
import type { CliDeps } from "../deps.js";
import { loadBuildTarget } from "./build-target.js";
import type { RunOptions } from "./options.js";

/** What checkDockerfiles looked at and found. */
export interface CheckResult {
  /** The Dockerfiles read, in build order. */
  readonly dockerfiles: readonly string[];
  readonly unpinned: readonly UnpinnedFrom[];
}

/**
 * `imgs check` as a function: every FROM of the hierarchy's Dockerfiles (the selected images', or
 * all) that is not pinned (seed 004: an unpinned FROM makes builds unrepeatable). FROMs that take
 * the parent through the build argument (build.baseImageArg) are the hierarchy's own, hence pinned.
 *
 * @throws DockerfileUnreadableError for a Dockerfile of the config that cannot be read
 */
export async function checkDockerfiles(options: RunOptions, deps: CliDeps): Promise<CheckResult> {
  const target = await loadBuildTarget(options, deps, { select: false });
  const images = target.images.filter((image) => target.hierarchy.images[image]?.dockerfile !== undefined);
  const found = await Promise.all(
    images.map(async (image) => {
      const node = target.hierarchy.images[image];
      const dockerfile = node?.dockerfile ?? "";
      let text: string;
      try {
        text = await readFile(dockerfile, "utf8");
      } catch (error) {
        throw new DockerfileUnreadableError(image, dockerfile, error);
      }
      const parentArg = node?.parent === undefined ? undefined : target.settings.baseImageArg;
      return unpinnedFroms({ image, dockerfile, text, buildArgs: node?.buildArgs, parentArg });
    }),
  );
  return { dockerfiles: images.map((image) => target.hierarchy.images[image]?.dockerfile ?? ""), unpinned: found.flat() };
}
