import { ImgsError } from "@imgs/errors";

/** A manifest could not make its piece: a command failed, printed nothing, or the function threw. */
export class ManifestFailedError extends Error {
  static readonly code = "MANIFEST_FAILED";
  readonly code = ManifestFailedError.code;
  override readonly name = "ManifestFailedError";
  /** Name of the manifest, e.g. "conda-environment". */
  readonly manifest: string;
  /** The image reference the container was started from. */
  readonly image: string;

  constructor(manifest: string, image: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`manifest "${manifest}" failed for image ${image}: ${reason}`, { cause });
    this.manifest = manifest;
    this.image = image;
  }
}

/** A piece that would break the manifest's Markdown layout (title with a newline or a leading "#"). */
export class InvalidPieceError extends Error {
  static readonly code = "INVALID_PIECE";
  readonly code = InvalidPieceError.code;
  override readonly name = "InvalidPieceError";
  readonly title: string;

  constructor(title: string, reason: string) {
    super(`manifest piece ${JSON.stringify(title)} is invalid: ${reason}`);
    this.title = title;
  }
}

/** defineManifest was given a name or function it cannot use. */
export class InvalidManifestSpecError extends ImgsError {
  readonly code = "INVALID_MANIFEST_SPEC";
  readonly category = "usage";
  constructor(
    readonly manifest: unknown,
    readonly reason: string,
  ) {
    super(`invalid manifest ${JSON.stringify(String(manifest))}: ${reason}`);
  }
}

/** A tags file that is missing, unreadable, or holds a line that is not a tag of its image. */
export class TagsFileError extends ImgsError {
  readonly code = "TAGS_FILE";
  readonly category = "usage";
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`tags file ${file}: ${reason}`, options);
  }
}
