import type { GitSnapshot } from "@imgs/git-helper";
import type { ContainerSession, ImageInfo } from "@imgs/runner";

/** The time source; injected so tests never depend on the real clock. */
export interface Clock {
  now(): Date;
}

/** The image being tagged: its hierarchy name, the local reference and what the engine says of it. */
export interface ImageFacts {
  /** Name in the hierarchy, e.g. "base-notebook". */
  readonly name: string;
  /** Local image reference the container was started from, e.g. "jupyter/base-notebook:latest". */
  readonly ref: string;
  readonly info: ImageInfo;
}

/** Everything a tagger may look at. Commands run in `container`; a command asked twice runs once. */
export interface TagContext {
  readonly container: ContainerSession;
  readonly git: GitSnapshot;
  readonly clock: Clock;
  readonly image: ImageFacts;
}

/**
 * A tagger: a named function that returns one tag value (e.g. "python-3.12.4") for an image.
 * Its `name` is how configs refer to it; give it one with `defineTagger`.
 */
export interface Tagger {
  (ctx: TagContext): string | Promise<string>;
  readonly name: string;
}
