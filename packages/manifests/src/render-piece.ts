import { InvalidPieceError } from "./errors.js";
import type { ManifestPiece } from "./types.js";

/**
 * A piece as Markdown, as docker-stacks' MarkdownPiece.get_str writes it: "## title", then each
 * section, separated by one blank line, with no newline at the end.
 */
export function renderPiece(piece: ManifestPiece): string {
  // docker-stacks asserts every piece is an H2; a title of its own "#"s or lines would break that.
  if (/[\r\n]/.test(piece.title)) throw new InvalidPieceError(piece.title, "the title has a line break");
  if (piece.title.startsWith("#")) throw new InvalidPieceError(piece.title, 'give the title without "## "');
  return [`## ${piece.title}`, ...piece.sections].join("\n\n");
}
