import type { GitSnapshot } from "@imgs/git-helper";
import type { ContainerSession, ImageInfo } from "@imgs/runner";
import type { RefContext } from "./refs/context.js";

/** The image being evaluated: its hierarchy name, the local reference and what the engine says of it. */
export interface ImageFacts {
  /** Name in the hierarchy, e.g. "base-notebook". */
  readonly name: string;
  /** Local reference the container was started from, e.g. "quay.io/jupyter/base-notebook:latest". */
  readonly ref: string;
  readonly info: ImageInfo;
}

/** Facts of the build run that the build-info piece shows (docker-stacks passes them as arguments). */
export interface BuildFacts {
  /** R/O/I, the repository every tag of the image is put on (docker-stacks' `full_image()`). */
  readonly fullImage: string;
  /** Source repository, "owner/name", for commit links; without it the sha is printed unlinked. */
  readonly repository?: string | undefined;
  /** Web server of the repository; default "https://github.com" as docker-stacks hard-codes. */
  readonly serverUrl?: string | undefined;
}

/**
 * Everything a tagger or a manifest may look at, for one image in one run. Commands run in
 * `container`, where a command asked twice runs once. Taggers and manifests read the same context
 * (`ManifestContext` in @imgs/manifests is this type).
 */
export interface TagContext {
  readonly container: ContainerSession;
  /** HEAD of the repository being built, read once per run. */
  readonly git: GitSnapshot;
  /** The git-ref context (metadata-action's): event, ref, sha, default branch, … */
  readonly refs: RefContext;
  /** The run's one instant: every date tag, build timestamp and `created` label of a run agrees. */
  readonly now: Date;
  readonly image: ImageFacts;
  readonly build: BuildFacts;
}

/** What a tagger returns: one tag value, or several (ref rules may give none, one or many). */
export type TagValues = string | readonly string[];

/**
 * A tagger: a named function that returns the tag values of an image, e.g. "python-3.12.4", without
 * the platform prefix. Its `name` is how configs refer to it; give it one with `defineTagger`.
 * Mirrors docker-stacks' TaggerInterface (`tag_value(container) -> str`), generalised to several values.
 */
export interface Tagger {
  (ctx: TagContext): TagValues | Promise<TagValues>;
  readonly name: string;
}
