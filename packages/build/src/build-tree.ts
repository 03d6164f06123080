import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { asError } from "@imgs/errors";
import { buildOrder, type Hierarchy, type ImageNode } from "@imgs/hierarchy";
import { imageRepository } from "@imgs/reference";
import { buildImage, ImageNotFoundError, inspectImage } from "@imgs/runner";
import type Dockerode from "dockerode";
import pLimit from "p-limit";
import type { BuildEventHandler } from "./build-events.js";
import { ignoredParentArg } from "./check-pinning.js";
import { readFroms, stageNames } from "./dockerfile-froms.js";
import {
  DockerfileUnreadableError,
  NoDockerfileError,
  ParentImageMissingError,
  ParentNotBuiltError,
  ReservedBuildArgError,
  TargetStageMissingError,
} from "./errors.js";
import { stampDockerfile, type BuildStamp } from "./stamp.js";

/** Label on every image imgs builds: its repository (R/O/I), so prune can tell its untagged images apart. */
export const REPOSITORY_LABEL = "dev.imgs.repository";

/** Inputs of buildTree; nothing is read from the process. */
export interface BuildTreeOptions {
  readonly hierarchy: Pick<Hierarchy, "registry" | "owner" | "images">;
  /** Images to build, any order; a parent outside them is taken from its local `latest`, by id. */
  readonly images: readonly string[];
  readonly docker: Dockerode;
  /** Tags, sha variable and labels for every image (buildStamp). */
  readonly stamp: BuildStamp;
  /** Build argument that carries the parent image id to a child's Dockerfile. */
  readonly baseImageArg: string;
  /** Build arguments for every image, over the config's. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Stage to build in every Dockerfile (`docker build --target`). */
  readonly target?: string;
  readonly noCache?: boolean;
  /** Images built at once (siblings), at least 1. */
  readonly jobs: number;
  readonly onEvent?: BuildEventHandler;
  readonly signal?: AbortSignal;
}

/** An image this run built. */
export interface BuiltImage {
  readonly image: string;
  /** sha256:… id of the final (stamped) image. */
  readonly id: string;
  /** Full references it was tagged with. */
  readonly tags: readonly string[];
  /** The exact parent image it was built FROM. */
  readonly parent: { readonly image: string; readonly id: string } | undefined;
}

/** What buildTree did, each list in build order. */
export interface BuildTreeResult {
  readonly built: readonly BuiltImage[];
  /** Images whose build failed; `error` is the runner's BuildFailedError for a failing step. */
  readonly failed: ReadonlyArray<{ readonly image: string; readonly error: Error }>;
  /** Images not built because their parent was not. */
  readonly skipped: ReadonlyArray<{ readonly image: string; readonly parent: string }>;
}

interface Planned {
  readonly image: string;
  readonly node: ImageNode;
  readonly dockerfile: string;
}

/**
 * Builds images parents first, siblings at once (up to `jobs`). Each child gets the id of the
 * parent image just built as `baseImageArg`, so it is built FROM exactly that image, never a
 * moving tag. Each image is built from its own Dockerfile unchanged, then FROM that result by id
 * in a one-line stamp build that adds the sha variable and the labels and carries the tags (an
 * ENV adds no layer). A failure stops its own subtree only.
 *
 * @throws NoDockerfileError, DockerfileUnreadableError, TargetStageMissingError, ReservedBuildArgError before anything is built
 */
export async function buildTree(options: BuildTreeOptions): Promise<BuildTreeResult> {
  const { hierarchy, stamp } = options;
  const emit: BuildEventHandler = options.onEvent ?? (() => undefined);
  const plans = await planBuilds(options, emit);
  const limit = pLimit(options.jobs);
  const selected = new Set(plans.map((plan) => plan.image));
  const results = new Map<string, Promise<BuiltImage>>();
  const skipped: Array<{ image: string; parent: string }> = [];

  const parentOf = async (plan: Planned): Promise<BuiltImage["parent"]> => {
    const parent = plan.node.parent;
    if (parent === undefined) return undefined;
    const pending = selected.has(parent) ? results.get(parent) : undefined;
    if (pending !== undefined) {
      const built = await pending.catch(() => {
        skipped.push({ image: plan.image, parent });
        emit({ type: "skipped", image: plan.image, parent });
        throw new ParentNotBuiltError(plan.image, parent);
      });
      return { image: parent, id: built.id };
    }
    const reference = `${imageRepository(hierarchy, parent)}:latest`;
    try {
      return { image: parent, id: (await inspectImage(reference, { docker: options.docker })).id };
    } catch (error) {
      if (error instanceof ImageNotFoundError) throw new ParentImageMissingError(plan.image, parent, reference, error);
      throw error;
    }
  };

  const buildOne = async (plan: Planned): Promise<BuiltImage> => {
    const parent = await parentOf(plan);
    return limit(async () => {
      emit({ type: "start", image: plan.image, parent });
      const repository = imageRepository(hierarchy, plan.image);
      const tags = stamp.tags.map((tag) => `${repository}:${tag}`);
      try {
        const own = await buildImage({
          context: plan.node.context ?? dirname(plan.dockerfile),
          dockerfile: plan.dockerfile,
          tags: [],
          buildArgs: { ...plan.node.buildArgs, ...options.buildArgs, ...(parent ? { [options.baseImageArg]: parent.id } : {}) },
          ...(options.target === undefined ? {} : { target: options.target }),
          ...(options.noCache === true ? { noCache: true } : {}),
          docker: options.docker,
          ...(options.signal ? { signal: options.signal } : {}),
          onOutput: (line) => {
            if (/^Step \d+\/\d+ : /.test(line)) emit({ type: "step", image: plan.image, step: line });
            emit({ type: "output", image: plan.image, line });
          },
        });
        emit({ type: "step", image: plan.image, step: "stamp" });
        const stamped = await buildImage({
          dockerfileText: stampDockerfile(own.id, stamp.env),
          tags,
          labels: { ...stamp.labels, [REPOSITORY_LABEL]: repository },
          docker: options.docker,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        emit({ type: "built", image: plan.image, id: stamped.id, tags });
        return { image: plan.image, id: stamped.id, tags, parent };
      } catch (error) {
        emit({ type: "failed", image: plan.image, error: asError(error) });
        throw error;
      }
    });
  };

  for (const plan of plans) {
    const pending = buildOne(plan);
    // Failures are collected below; this keeps an unawaited rejection from being reported.
    pending.catch(() => undefined);
    results.set(plan.image, pending);
  }
  const built: BuiltImage[] = [];
  const failed: Array<{ image: string; error: Error }> = [];
  for (const plan of plans) {
    try {
      built.push(await (results.get(plan.image) as Promise<BuiltImage>));
    } catch (error) {
      if (!(error instanceof ParentNotBuiltError)) failed.push({ image: plan.image, error: asError(error) });
    }
  }
  return { built, failed, skipped };
}

/** Checks every selected image before any build, in build order (parents first); warnings go out as events. */
async function planBuilds(options: BuildTreeOptions, emit: BuildEventHandler): Promise<Planned[]> {
  const { images } = options.hierarchy;
  const order = buildOrder(images, options.images);
  const missing = order.filter((image) => images[image]?.dockerfile === undefined);
  if (missing.length > 0) throw new NoDockerfileError(missing);
  const plans = order.map((image) => ({ image, node: images[image] as ImageNode, dockerfile: images[image]?.dockerfile as string }));
  if (options.buildArgs?.[options.baseImageArg] !== undefined && plans.some((plan) => plan.node.parent !== undefined)) {
    throw new ReservedBuildArgError(options.baseImageArg);
  }
  const texts = await Promise.all(
    plans.map(async (plan) => {
      try {
        return await readFile(plan.dockerfile, "utf8");
      } catch (error) {
        throw new DockerfileUnreadableError(plan.image, plan.dockerfile, error);
      }
    }),
  );
  if (options.target !== undefined) {
    const target = options.target.toLowerCase();
    const lacking = plans.filter((_plan, i) => !stageNames(readFroms(texts[i] ?? "")).includes(target)).map((plan) => plan.dockerfile);
    if (lacking.length > 0) throw new TargetStageMissingError(options.target, lacking);
  }
  plans.forEach((plan, i) => {
    if (plan.node.parent === undefined) return;
    const warning = ignoredParentArg(plan.dockerfile, texts[i] ?? "", options.baseImageArg, options.target);
    if (warning) emit({ type: "warning", image: plan.image, dockerfile: plan.dockerfile, line: warning.line, message: warning.message });
  });
  return plans;
}
