import { ImgsError, messageOf, quotedValue, WrappingError } from "@imgs/errors";

/** A manifest could not make its piece: a command failed, printed nothing, or the function threw. */
export class ManifestFailedError extends WrappingError {
  readonly code = "MANIFEST_FAILED";
  /** `manifest`: its name, e.g. "conda-environment"; `image`: the reference the container was started from. */
  constructor(readonly manifest: string, readonly image: string, cause: unknown) {
    super(`manifest "${manifest}" failed for image ${image}: ${messageOf(cause)}`, cause);
  }
}

/** A piece that would break the manifest's Markdown layout (title with a newline or a leading "#"). */
export class InvalidPieceError extends ImgsError {
  readonly code = "INVALID_PIECE";
  readonly category = "usage";
  constructor(readonly title: string, reason: string) {
    super(`manifest piece ${quotedValue(title)} is invalid: ${reason}`);
  }
}

/** defineManifest was given a name or function it cannot use. */
export class InvalidManifestSpecError extends ImgsError {
  readonly code = "INVALID_MANIFEST_SPEC";
  readonly category = "usage";
  constructor(readonly manifest: unknown, readonly reason: string) {
    super(`invalid manifest ${quotedValue(String(manifest))}: ${reason}`);
  }
}

/** A tags file that is missing, unreadable, or holds a line that is not a tag of its image. */
export class TagsFileError extends ImgsError {
  readonly code = "TAGS_FILE";
  // Like a missing image: an earlier step (imgs tag) did not run or wrote something else.
  readonly category = "failure";
  constructor(readonly file: string, readonly reason: string, cause?: unknown) {
    super(`tags file ${file}: ${reason}`, { cause });
  }
}
