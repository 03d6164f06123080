/**
 * What an error means for the person who ran imgs:
 * - "usage": the input is wrong (a flag, a config file, an image name, a rule); nothing was started,
 *   and running again unchanged fails the same way. The CLI exits 2.
 * - "failure": work was tried and failed (an engine, a registry, a command in a container). Exit 1.
 */
export type ErrorCategory = "usage" | "failure";

/**
 * The base of every imgs error class. A subclass declares its `code` (the class name without the
 * `Error` suffix, in SCREAMING_SNAKE_CASE: `UnknownImageError` → `"UNKNOWN_IMAGE"`) and its
 * `category`, carries its facts as readonly fields, and passes the error it wraps as `cause`.
 *
 * @example
 * export class UnknownImageError extends ImgsError {
 *   readonly code = "UNKNOWN_IMAGE";
 *   readonly category = "usage";
 *   constructor(readonly image: string) { super(`unknown image "${image}"`); }
 * }
 */
export abstract class ImgsError extends Error {
  abstract readonly code: string;
  abstract readonly category: ErrorCategory;

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    // The concrete class's name, so stack traces and `${error}` say which error it is.
    this.name = new.target.name;
  }
}

/**
 * The base of an error that only says where another one happened (which tagger, which image) and
 * wraps it as `cause`: what went wrong, and so the category, is the cause's.
 *
 * @example
 * export class TaggerFailedError extends WrappingError {
 *   readonly code = "TAGGER_FAILED";
 *   constructor(readonly tagger: string, cause: unknown) { super(`tagger "${tagger}" failed: ${messageOf(cause)}`, cause); }
 * }
 */
export abstract class WrappingError extends ImgsError {
  get category(): ErrorCategory {
    return categoryOf(this.cause);
  }
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

/** True for any error made by imgs. */
export const isImgsError = (value: unknown): value is ImgsError => value instanceof ImgsError;

/**
 * The category of anything thrown: an imgs error's own; "failure" for everything else (a bug, or
 * a library's error that imgs did not recognise, is never the user's input at fault).
 */
export const categoryOf = (value: unknown): ErrorCategory => (value instanceof ImgsError ? value.category : "failure");
