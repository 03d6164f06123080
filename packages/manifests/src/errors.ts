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
