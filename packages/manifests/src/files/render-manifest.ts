import { commitTag } from "@imgs/git-helper";
import { renderPiece } from "../render-piece.js";
import type { ManifestPiece } from "../types.js";

/** What a manifest file is made of. */
export interface RenderManifestOptions {
  /** Short image name, e.g. "base-notebook". */
  readonly image: string;
  /** Full commit hash; the header shows its first 12 characters. */
  readonly commit: string;
  /**
   * The pieces in file order: build-info first, then the image's manifests in hierarchy order
   * (root first), as write_manifest's get_manifest lists them.
   */
  readonly pieces: readonly ManifestPiece[];
}

/** The manifest's H1 line: `# Build manifest for image: I:S`. */
export const manifestHeader = (image: string, commit: string): string => `# Build manifest for image: ${image}:${commitTag({ commit })}`;

/**
 * A whole manifest file as docker-stacks' write_manifest writes it: the header and every piece,
 * separated by one blank line, ending with exactly one newline.
 */
export function renderManifest({ image, commit, pieces }: RenderManifestOptions): string {
  return [manifestHeader(image, commit), ...pieces.map(renderPiece)].join("\n\n") + "\n";
}

/**
 * The "## SBOM" piece the newest docker-stacks appends after all other pieces: the output of
 * `docker sbom R/O/I:latest` (a host CLI plugin, not a container command) in a text fence.
 */
export function sbomPiece(sbom: string): ManifestPiece {
  return { title: "SBOM", sections: [`\`\`\`text\n${sbom.trimEnd()}\n\`\`\``] };
}
