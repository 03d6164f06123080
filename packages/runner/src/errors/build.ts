import { ImgsError } from "@imgs/errors";
import { outputTail } from "./exec.js";

/** How a build's image is named in messages. */
const showTags = (tags: readonly string[]): string => (tags.length > 0 ? tags.join(", ") : "an untagged image");

/** What a BuildFailedError carries. */
export interface BuildFailure {
  readonly tags: readonly string[];
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** Why, as the engine said it (e.g. "The command '/bin/sh -c exit 3' returned a non-zero code: 3"). */
  readonly reason: string;
  /** Every line of build output up to the failure. */
  readonly output: string;
  /** The step that failed ("Step 3/4 : RUN make"), or the instruction naming a base image that is not local. */
  readonly step?: string | undefined;
  /** Exit code of the failing RUN step, when the engine reported one. */
  readonly exitCode?: number | undefined;
  /** The base image that is not in the local engine, when that is why. */
  readonly missingImage?: string | undefined;
}

/** The engine stopped a build: a failing step, a base image that is not local, a bad Dockerfile. */
export class BuildFailedError extends ImgsError implements BuildFailure {
  readonly code = "BUILD_FAILED";
  readonly category = "failure";
  readonly tags: readonly string[];
  readonly dockerfile: string;
  readonly reason: string;
  readonly output: string;
  readonly step: string | undefined;
  readonly exitCode: number | undefined;
  readonly missingImage: string | undefined;

  constructor(failure: BuildFailure, cause?: unknown) {
    const tail = outputTail(failure.output);
    super(
      `building ${showTags(failure.tags)} from ${failure.dockerfile} failed: ${failure.reason.trim()}` + (tail ? `; last output:\n${tail}` : ""),
      { cause },
    );
    this.tags = failure.tags;
    this.dockerfile = failure.dockerfile;
    this.reason = failure.reason;
    this.output = failure.output;
    this.step = failure.step;
    this.exitCode = failure.exitCode;
    this.missingImage = failure.missingImage;
  }
}

/** The build context folder or the Dockerfile is missing or unreadable; found before the engine is asked. */
export class BuildContextInvalidError extends ImgsError {
  readonly code = "BUILD_CONTEXT_INVALID";
  readonly category = "usage";
  constructor(readonly context: string, readonly dockerfile: string, readonly reason: string, cause?: unknown) {
    super(`cannot build from context ${context} with Dockerfile ${dockerfile}: ${reason}`, { cause });
  }
}

/** The caller's AbortSignal stopped a build; closing the connection makes the engine stop it too. */
export class BuildAbortedError extends ImgsError {
  readonly code = "BUILD_ABORTED";
  readonly category = "failure";
  /** `cause` is the signal's reason. */
  constructor(readonly tags: readonly string[], cause?: unknown) {
    super(`building ${showTags(tags)} was aborted`, { cause });
  }
}
