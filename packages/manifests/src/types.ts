import type { GitSnapshot } from "@imgs/git-helper";
import type { ContainerSession, ImageInfo } from "@imgs/runner";

// The same shape as @imgs/taggers' TagContext, declared here too because manifests do not depend
// on taggers; the hierarchy passes one object that satisfies both.

/** The time source; injected so tests never depend on the real clock. */
export interface Clock {
  now(): Date;
}

/** The image being documented. */
export interface ImageFacts {
  readonly name: string;
  readonly ref: string;
  readonly info: ImageInfo;
}

/**
 * Facts of the build run that only the build-info piece needs (docker-stacks passes them as
 * command-line arguments). Optional, so contexts made for taggers fit manifests too.
 */
export interface BuildFacts {
  /** R/O/I, the name every tag of the image is put on (docker-stacks' `full_image()`). */
  readonly fullImage: string;
  /** Source repository, "owner/name", for the commit link; without it the SHA is printed unlinked. */
  readonly repository?: string | undefined;
  /** Web server of the repository; default "https://github.com" as docker-stacks hard-codes. */
  readonly serverUrl?: string | undefined;
}

/** Everything a manifest may look at. */
export interface ManifestContext {
  readonly container: ContainerSession;
  readonly git: GitSnapshot;
  readonly clock: Clock;
  readonly image: ImageFacts;
  /** Set by the manifest app; when absent, build-info derives R/O/I from `image.ref`. */
  readonly build?: BuildFacts | undefined;
}

/** One Markdown piece of a build manifest: an H2 title and its sections. */
export interface ManifestPiece {
  /** Title without the leading "## ". */
  readonly title: string;
  readonly sections: readonly string[];
}

/** A manifest: a named function returning one piece. Give it a name with `defineManifest`. */
export interface Manifest {
  (ctx: ManifestContext): ManifestPiece | Promise<ManifestPiece>;
  readonly name: string;
}
