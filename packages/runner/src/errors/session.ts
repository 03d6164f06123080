import { categoryOf, ImgsError, messageOf } from "@imgs/errors";
import type { ErrorCategory } from "@imgs/errors";

/** Removing a session's container failed; it may still exist. */
export class ContainerNotRemovedError extends ImgsError {
  readonly code = "CONTAINER_NOT_REMOVED";
  readonly category = "failure";
  readonly image: string;
  readonly containerId: string;
  readonly endpoint: string;

  constructor(image: string, containerId: string, endpoint: string, cause: unknown) {
    const short = containerId.slice(0, 12);
    super(
      `container ${short} of image ${image} may be left on the engine at ${endpoint}: removing it failed (${messageOf(cause).split(";")[0]}); ` +
        `remove it with \`docker rm -f ${short}\` or \`imgs cleanup\` once the engine answers`,
      { cause },
    );
    this.image = image;
    this.containerId = containerId;
    this.endpoint = endpoint;
  }
}

/** The session's container is gone while its run held it: its main process ended, or someone stopped or removed it. */
export class ContainerStoppedError extends ImgsError {
  readonly code = "CONTAINER_STOPPED";
  readonly category = "failure";
  readonly image: string;
  readonly containerId: string;
  /** The container's main command (after the image's entrypoint). */
  readonly command: readonly string[];
  /** The end of what the main process printed. */
  readonly output: string;
  /**
   * True when it ended before any command of the run had finished: the image's entrypoint ends at
   * once instead of running the command it is given, not something from outside.
   */
  readonly beforeFirstCommand: boolean;

  constructor(image: string, containerId: string, command: readonly string[], output: string, cause?: unknown, beforeFirstCommand = false) {
    const short = containerId.slice(0, 12);
    const main = `its main process (${JSON.stringify(command.join(" "))}, run by the image's entrypoint)`;
    super(
      (beforeFirstCommand
        ? `container ${short} of image ${image} ended before its first command could run: ${main} ended at once; ` +
          `the image's entrypoint must run the command it is given (a shell entrypoint ends with \`exec "$@"\`)`
        : `container ${short} of image ${image} is not running any more: ${main} ended, or it was stopped or removed from outside`) +
        (output ? `; the main process printed:\n${output}` : ""),
      { cause },
    );
    this.image = image;
    this.containerId = containerId;
    this.command = command;
    this.output = output;
    this.beforeFirstCommand = beforeFirstCommand;
  }
}

/** A command printed more than its output limit; the output was dropped. */
export class OutputTooLargeError extends ImgsError {
  readonly code = "OUTPUT_TOO_LARGE";
  readonly category = "failure";
  readonly image: string;
  readonly command: readonly string[];
  /** The limit, in bytes of stdout and stderr together. */
  readonly limitBytes: number;

  constructor(image: string, command: readonly string[], limitBytes: number) {
    super(
      `command ${JSON.stringify(command.join(" "))} in image ${image} printed more than ${limitBytes} bytes, ` +
        `its output limit (maxOutputBytes); its output was dropped (Docker cannot stop one command: it may run on until the container is removed)`,
    );
    this.image = image;
    this.command = command;
    this.limitBytes = limitBytes;
  }
}

/** No new container: the run is stopping (a signal, or the caller stopped it). */
export class RunStoppingError extends ImgsError {
  readonly code = "RUN_STOPPING";
  readonly category = "failure";
  readonly image: string;

  constructor(image: string) {
    super(`no container started for image ${image}: the run is stopping`);
    this.image = image;
  }
}

/** A block failed, and then cleaning up after it (removing its container) failed too. */
export class DisposalFailedError extends ImgsError {
  readonly code = "DISPOSAL_FAILED";
  readonly category: ErrorCategory;
  /** What the block failed with. */
  readonly error: unknown;
  /** What disposing its resources failed with, in the order they were disposed. */
  readonly disposalErrors: readonly unknown[];

  constructor(error: unknown, disposalErrors: readonly unknown[]) {
    const [first = "", ...rest] = messageOf(error).split("\n");
    const then = disposalErrors.map((e) => `; then ${messageOf(e).split("\n")[0] ?? ""}`).join("");
    // The first line says everything, for progress lines that show only that; the block's own detail follows.
    super(`${first}${then}${rest.length > 0 ? `\n${rest.join("\n")}` : ""}`, { cause: error });
    this.category = categoryOf(error);
    this.error = error;
    this.disposalErrors = disposalErrors;
  }
}
