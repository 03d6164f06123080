import { checkPiece } from "./run-manifest.js";
import type { ManifestPiece } from "./types.js";

/**
 * A piece as Markdown, as docker-stacks' MarkdownPiece.get_str writes it: "## title", then each
 * section, separated by one blank line, with no newline at the end.
 *
 * @throws InvalidPieceError for a piece that would not render as one H2 section
 */
export function renderPiece(piece: ManifestPiece): string {
  checkPiece(piece);
  return [`## ${piece.title}`, ...piece.sections].join("\n\n");
}
