import type { TagContext } from "@imgs/taggers";

/**
 * Everything a manifest may look at: the same context taggers read (container, git facts, ref
 * context, the run's instant, the image, the build's facts), declared once in @imgs/taggers.
 */
export type ManifestContext = TagContext;

/**
 * One installed package as a manifest saw it, the structured twin of a line of its Markdown.
 *
 * @example { ecosystem: "apt", name: "bash", version: "5.2.15-2+b7", source: "bash/stable,now 5.2.15-2+b7 amd64 [installed]" }
 */
export interface PackageRow {
  /**
   * The package system: "apt", "conda", "pip", "r", "julia", "spark", "os" for the built-ins; a
   * manifest of one's own may name others ("npm").
   */
  readonly ecosystem: string;
  readonly name: string;
  /** The version as the package system prints it; "" when it prints none (Julia's stdlib). */
  readonly version: string;
  /** The line of the quoted output the row was read from, exactly as the Markdown shows it. */
  readonly source: string;
}

/** One Markdown piece of a build manifest: an H2 title and its sections (docker-stacks' MarkdownPiece). */
export interface ManifestPiece {
  /** Title without the leading "## ". */
  readonly title: string;
  readonly sections: readonly string[];
  /**
   * The packages its sections list, in the order listed; set by the built-ins that quote a package
   * list. Not written to the Markdown: renderPiece shows only title and sections.
   */
  readonly packages?: readonly PackageRow[] | undefined;
}

/**
 * A manifest: a named function returning one piece (docker-stacks' ManifestInterface.markdown_piece).
 * Give it a name with `defineManifest`; run it with `runManifest`.
 */
export interface Manifest {
  (ctx: ManifestContext): ManifestPiece | Promise<ManifestPiece>;
  readonly name: string;
}
