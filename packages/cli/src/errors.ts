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

/** The parent of an image could not be built, so neither can the image. */
export class ParentFailedError extends ImgsError {
  readonly code = "PARENT_FAILED";
  readonly category = "failure";
  constructor(readonly image: string, readonly parent: string) {
    super(`not built because its parent ${parent} failed`);
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
