import { ImgsError, messageOf, quotedValue } from "@imgs/errors";
import { writeFailureReason } from "./files/write-failure.js";

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
  constructor(readonly file: string, cause: unknown) {
    // What the code means (a full disk, a read-only file system), then Node's message, which names the call.
    super(`cannot write ${file}: ${writeFailureReason(cause)}`, { cause });
  }
}

/**
 * `imgs refs` made a tag Docker would refuse (`-rf`, `--help`, more than 128 characters): from a
 * rule's value or a ref name. metadata-action prints such tags and lets `docker build` fail later;
 * imgs refuses them before anything uses them.
 */
export class InvalidRefTagError extends ImgsError {
  readonly code = "INVALID_REF_TAG";
  readonly category = "usage";
  /** `rule`: the rule line that made it, when known; `reason`: why Docker refuses it. */
  constructor(readonly tag: string, readonly rule: string | undefined, readonly reason: string) {
    super(`${rule === undefined ? "the rules" : `rule ${quotedValue(rule)}`} made the tag ${quotedValue(tag)}, which Docker would refuse: ${reason}`);
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
  constructor(readonly failed: number, readonly skipped: number) {
    super(`${failed} image(s) failed and ${skipped} were skipped; see the summary above`);
  }
}

/** `imgs sha` found no image, or an image without a commit sha; the message says where it looked. */
export class ShaNotFoundError extends ImgsError {
  readonly code = "SHA_NOT_FOUND";
  readonly category = "failure";
  constructor(readonly reference: string, message: string, cause?: unknown) {
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

const at = (where: string | undefined): string => (where === undefined ? "" : ` at ${where}`);

/** An exception nobody caught (a plugin's timer, a config's callback, a bug): the run was stopped and its containers removed. */
export class UncaughtExceptionError extends ImgsError {
  readonly code = "UNCAUGHT_EXCEPTION";
  readonly category = "failure";
  /** `where`: `file:line:column` of the code that threw, when its stack tells. */
  constructor(readonly where: string | undefined, cause: Error) {
    super(`uncaught exception${at(where)}: ${cause.message}; the run was stopped`, { cause });
  }
}

/** A promise rejected with nobody handling it (a plugin's, a config's): the run was stopped and its containers removed. */
export class UnhandledRejectionError extends ImgsError {
  readonly code = "UNHANDLED_REJECTION";
  readonly category = "failure";
  /** `where`: `file:line:column` where the rejection's error was made, when it is an Error with a stack. */
  constructor(readonly where: string | undefined, cause: unknown) {
    super(`unhandled promise rejection${at(where)}: ${messageOf(cause)}; the run was stopped`, { cause });
  }
}

/** A config or plugin called `process.exit` during a run: the call was refused, the run stopped and its containers removed. */
export class ProcessExitCalledError extends ImgsError {
  readonly code = "PROCESS_EXIT_CALLED";
  readonly category = "failure";
  /** `exitCode`: the exit code it asked for; `where`: `file:line:column` of the call. */
  constructor(readonly exitCode: number | string | undefined, readonly where: string | undefined) {
    super(`process.exit(${exitCode ?? ""}) was called${at(where)} during the run; imgs stopped the run instead and removed its containers`);
  }
}

/** stdout or stderr was closed under the run (EPIPE: `imgs … | head` ended): the run was stopped and its containers removed. */
export class OutputClosedError extends ImgsError {
  readonly code = "OUTPUT_CLOSED";
  readonly category = "failure";
  /** `brokenPipe`: true for EPIPE (the reading end went away), which ends the process with SIGPIPE's status, 141. */
  constructor(readonly stream: "stdout" | "stderr", reason: string, readonly brokenPipe: boolean) {
    super(`${stream} was closed (${reason}): imgs stopped, removing this run's containers`);
  }
}

/**
 * The run waits for work nothing is left to do: no timer, socket or command is pending, yet a
 * tagger or manifest has not settled (a JavaScript promise nothing will ever resolve). Node would
 * exit with status 13 and say nothing; imgs stops the run and removes its containers.
 */
export class RunStalledError extends ImgsError {
  readonly code = "RUN_STALLED";
  readonly category = "failure";
  constructor() {
    super(
      "the run can never finish: it waits for a promise that nothing is left to settle (a JavaScript tagger or manifest that never resolves?); the run was stopped",
    );
  }
}
