/** Wrong command-line usage: unknown option, missing argument, conflicting flags. */
export class UsageError extends Error {
  static readonly code = "USAGE";
  readonly code = UsageError.code;
  override readonly name = "UsageError";
}

/** Some images failed; the others were processed and their files written. */
export class ImagesFailedError extends Error {
  static readonly code = "IMAGES_FAILED";
  readonly code = ImagesFailedError.code;
  override readonly name = "ImagesFailedError";
  constructor(readonly failures: ReadonlyArray<{ readonly image: string; readonly error: Error }>) {
    super(
      `${failures.length} image(s) failed:\n` +
        failures.map(({ image, error }) => `  ${image}: ${error.message.replace(/\n/g, "\n    ")}`).join("\n"),
    );
  }
}
