import { categoryOf, ImgsError, messageOf, type ErrorCategory } from "@imgs/errors";

/** A manifest could not make its piece: a command failed, printed nothing, or the function threw. */
export class ManifestFailedError extends ImgsError {
  readonly code = "MANIFEST_FAILED";
  /** The cause's: the wrapper says which manifest and image, the cause what went wrong. */
  get category(): ErrorCategory {
    return categoryOf(this.cause);
  }
  /** `manifest`: its name, e.g. "conda-environment"; `image`: the reference the container was started from. */
  constructor(readonly manifest: string, readonly image: string, cause: unknown) {
    super(`manifest "${manifest}" failed for image ${image}: ${messageOf(cause)}`, { cause });
  }
}

/** A piece that would break the manifest's Markdown layout (title with a newline or a leading "#"). */
export class InvalidPieceError extends ImgsError {
  readonly code = "INVALID_PIECE";
  readonly category = "usage";
  constructor(readonly title: string, reason: string) {
    super(`manifest piece ${JSON.stringify(title)} is invalid: ${reason}`);
  }
}
