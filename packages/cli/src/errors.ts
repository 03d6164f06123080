import { ImgsError, messageOf } from "@imgs/errors";

/** Wrong command-line usage: unknown option, missing argument, conflicting flags, a bad value. */
export class UsageError extends ImgsError {
  readonly code = "USAGE";
  readonly category = "usage";
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/** Some images failed; the others were processed and their files written. */
export class ImagesFailedError extends ImgsError {
  readonly code = "IMAGES_FAILED";
  readonly category = "failure";
  constructor(readonly failures: ReadonlyArray<{ readonly image: string; readonly error: Error }>) {
    super(
      `${failures.length} image(s) failed:\n` +
        failures.map(({ image, error }) => `  ${image}: ${error.message.replace(/\n/g, "\n    ")}`).join("\n"),
    );
  }
}

/** An output file could not be written; the previous file, if any, is unchanged. */
export class FileWriteError extends ImgsError {
  readonly code = "FILE_WRITE";
  readonly category = "failure";
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    // Node's message names the reason (ENOSPC, EROFS, EACCES, ENOTDIR) and the path it tried.
    super(`cannot write ${file}: ${messageOf(cause)}`, { cause });
  }
}

/** Checks of `imgs doctor` failed; `failed` names them. */
export class DoctorFailedError extends ImgsError {
  readonly code = "DOCTOR_FAILED";
  readonly category = "failure";
  constructor(readonly failed: readonly string[]) {
    super(`checks failed: ${failed.join(", ")}`);
  }
}

/** `imgs build` built some images but not all; the summary printed before says which and why. */
export class BuildIncompleteError extends ImgsError {
  readonly code = "BUILD_INCOMPLETE";
  readonly category = "failure";
  constructor(
    readonly failed: number,
    readonly skipped: number,
  ) {
    super(`${failed} image(s) failed and ${skipped} were skipped; see the summary above`);
  }
}

/** `imgs sha` found no image, or an image without a commit sha; the message says where it looked. */
export class ShaNotFoundError extends ImgsError {
  readonly code = "SHA_NOT_FOUND";
  readonly category = "failure";
  constructor(
    readonly reference: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/** The engine refused to remove some images; the others were removed. */
export class PruneIncompleteError extends ImgsError {
  readonly code = "PRUNE_INCOMPLETE";
  readonly category = "failure";
  constructor(readonly failed: number) {
    super(`${failed} image(s) could not be removed; see above`);
  }
}

/** `imgs check --strict` found FROMs that are not pinned. */
export class UnpinnedFromError extends ImgsError {
  readonly code = "UNPINNED_FROM";
  readonly category = "failure";
  constructor(readonly count: number) {
    super(`${count} FROM instruction(s) are not pinned (--strict)`);
  }
}
