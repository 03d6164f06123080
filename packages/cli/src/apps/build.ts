import { dirname } from "node:path";
import { asError, settleEach } from "@imgs/errors";
import { imageRef, type Hierarchy } from "@imgs/hierarchy";
import { buildImage } from "@imgs/runner";
import type { CliDeps } from "../deps.js";
import { ParentFailedError, UsageError } from "../errors.js";
import pLimit from "p-limit";
import { createProgress } from "../run/progress.js";
import { jobsOf, type RunOptions } from "./options.js";
import { resolveTarget } from "./resolve-target.js";

/** Options of buildImages. */
export interface BuildOptions extends RunOptions {
  /** Print every line of build output to stderr, prefixed with the image name. */
  readonly verbose?: boolean;
}

/** A built image. */
export interface BuiltImage {
  readonly image: string;
  readonly ref: string;
  readonly id: string;
}

/**
 * Builds images from the Dockerfiles of the config as R/O/I:latest, parents first, siblings at
 * the same time (bounded by --jobs). A child gets its parent's reference as the BASE_IMAGE build
 * argument (docker-stacks' name), unless the config sets it.
 */
export async function buildImages(options: BuildOptions, deps: CliDeps): Promise<{ built: BuiltImage[]; failures: Array<{ image: string; error: Error }> }> {
  const { hierarchy, images } = await resolveTarget(options, deps);
  const missing = images.filter((image) => hierarchy.images[image]?.dockerfile === undefined);
  if (missing.length > 0) throw new UsageError(`no dockerfile in the config for: ${missing.join(", ")}`);
  const docker = await deps.docker();
  const limit = pLimit(jobsOf(options.jobs, hierarchy.defaults.jobs, deps.cpus));
  const progress = createProgress(deps.stderr, { quiet: options.quiet });
  const builds = new Map<string, Promise<BuiltImage>>();
  const build = (image: string): Promise<BuiltImage> => {
    let pending = builds.get(image);
    if (pending) return pending;
    const parent = hierarchy.images[image]?.parent;
    pending = (async () => {
      // A parent outside the selection is expected to exist already (built earlier).
      if (parent !== undefined && images.includes(parent)) {
        await build(parent).catch(() => {
          throw new ParentFailedError(image, parent);
        });
      }
      return limit(() => buildOne(image, hierarchy, docker, { verbose: options.verbose, deps, progress }));
    })();
    builds.set(image, pending);
    return pending;
  };
  const { values, failures } = await settleEach(images, build);
  progress.close();
  return { built: values.map(({ value }) => value), failures: failures.map(({ item, error }) => ({ image: item, error })) };
}

async function buildOne(
  image: string,
  hierarchy: Hierarchy,
  docker: Awaited<ReturnType<CliDeps["docker"]>>,
  { verbose, deps, progress }: { verbose?: boolean; deps: CliDeps; progress: ReturnType<typeof createProgress> },
): Promise<BuiltImage> {
  const node = hierarchy.images[image];
  const dockerfile = node?.dockerfile ?? "";
  const ref = imageRef(hierarchy, image);
  const buildArgs = { ...(node?.parent !== undefined ? { BASE_IMAGE: imageRef(hierarchy, node.parent) } : {}), ...node?.buildArgs };
  progress.step(image, "building");
  try {
    const result = await buildImage({
      context: node?.context ?? dirname(dockerfile),
      dockerfile,
      tags: [ref],
      buildArgs,
      docker,
      onOutput: (line) => {
        const step = /^Step (\d+\/\d+)/.exec(line);
        if (step) progress.step(image, `building, step ${step[1]}`);
        if (verbose) deps.stderr.write(`${image} | ${line}\n`);
      },
    });
    progress.done(image, `built ${ref} (${result.id.slice(7, 19)})`);
    return { image, ref, id: result.id };
  } catch (error) {
    progress.fail(image, asError(error));
    throw error;
  }
}
