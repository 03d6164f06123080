import type { TagContext } from "@imgs/taggers";

/**
 * Everything a manifest may look at: the same context taggers read (container, git facts, ref
 * context, the run's instant, the image, the build's facts), declared once in @imgs/taggers.
 */
export type ManifestContext = TagContext;

/** One Markdown piece of a build manifest: an H2 title and its sections (docker-stacks' MarkdownPiece). */
export interface ManifestPiece {
  /** Title without the leading "## ". */
  readonly title: string;
  readonly sections: readonly string[];
}

/**
 * A manifest: a named function returning one piece (docker-stacks' ManifestInterface.markdown_piece).
 * Give it a name with `defineManifest`; run it with `runManifest`.
 */
export interface Manifest {
  (ctx: ManifestContext): ManifestPiece | Promise<ManifestPiece>;
  readonly name: string;
}
