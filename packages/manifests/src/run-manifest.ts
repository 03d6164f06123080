import { InvalidPieceError, ManifestFailedError } from "./errors.js";
import type { Manifest, ManifestContext, ManifestPiece } from "./types.js";

/**
 * Run a manifest and return its piece, checked. The one place where a manifest's failure and
 * result are checked (docker-stacks' manifests return a MarkdownPiece: an H2 title and sections).
 *
 * @throws ManifestFailedError wrapping whatever the manifest threw, or an InvalidPieceError when it
 *   returned something that is not a piece (a title with a line break or "#", sections that are
 *   not strings, not an object at all)
 * @example await runManifest(aptPackagesManifest, ctx) // { title: "Apt Packages", sections: [...] }
 */
export async function runManifest(manifest: Manifest, ctx: ManifestContext): Promise<ManifestPiece> {
  let piece: unknown;
  try {
    piece = await manifest(ctx);
    return checkPiece(piece);
  } catch (error) {
    throw new ManifestFailedError(manifest.name, ctx.image.ref, error);
  }
}

/**
 * `value` when it is a piece that renders as one H2 section of a manifest; else InvalidPieceError.
 * docker-stacks asserts every piece is an H2; a title of its own "#"s or lines would break that.
 */
export function checkPiece(value: unknown): ManifestPiece {
  if (typeof value !== "object" || value === null) throw new InvalidPieceError(String(value), `a manifest must return { title, sections }, got ${value === null ? "null" : typeof value}`);
  const { title, sections } = value as { title?: unknown; sections?: unknown };
  if (typeof title !== "string" || title.trim() === "") throw new InvalidPieceError(String(title), "the title must be a non-empty string");
  if (/[\r\n]/.test(title)) throw new InvalidPieceError(title, "the title has a line break");
  if (title.startsWith("#")) throw new InvalidPieceError(title, 'give the title without "## "');
  if (!Array.isArray(sections) || !sections.every((s) => typeof s === "string")) {
    throw new InvalidPieceError(title, "sections must be a list of strings");
  }
  return value as ManifestPiece;
}
