import { ImgsError } from "@imgs/errors";
import { outputTail } from "./exec.js";

/** How a build's image is named in messages. */
const showTags = (tags: readonly string[]): string => (tags.length > 0 ? tags.join(", ") : "the image");

/** What a BuildFailedError is made from: its facts, `step`, `exitCode` and `missingImage` when known. */
export type BuildFailure = Pick<BuildFailedError, "tags" | "dockerfile" | "reason" | "output"> & Partial<Pick<BuildFailedError, "step" | "exitCode" | "missingImage">>;

/** What a BuildFailedError says: which build failed, why, and the end of its output. */
function buildFailedMessage(failure: BuildFailure): string {
  const tail = outputTail(failure.output);
  return `building ${showTags(failure.tags)} from ${failure.dockerfile} failed: ${failure.reason.trim()}` + (tail ? `; last output:\n${tail}` : "");
}

/**
 * The engine stopped a build: a failing step, a base image that is not local, a bad Dockerfile.
 * Its facts are a BuildFailure's, given as one object so the caller names each.
 */
export class BuildFailedError extends ImgsError {
  readonly code = "BUILD_FAILED";
  readonly category = "failure";
  readonly tags: readonly string[];
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** Why, as the engine said it (e.g. "The command '/bin/sh -c exit 3' returned a non-zero code: 3"). */
  readonly reason: string;
  /** Every line of build output up to the failure. */
  readonly output: string;
  /** The step that failed ("Step 3/4 : RUN make"), or the instruction naming a base image that is not local. */
  readonly step: string | undefined;
  /** Exit code of the failing RUN step, when the engine reported one. */
  readonly exitCode: number | undefined;
  /** The base image that is not in the local engine, when that is why. */
  readonly missingImage: string | undefined;

  constructor(failure: BuildFailure, cause?: unknown) {
    super(buildFailedMessage(failure), { cause });
    ({ tags: this.tags, dockerfile: this.dockerfile, reason: this.reason, output: this.output, step: this.step, exitCode: this.exitCode, missingImage: this.missingImage } = failure);
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
