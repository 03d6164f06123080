import { ImgsError, messageOf, WrappingError } from "@imgs/errors";

/** Why a container may be left behind, and how to remove it. */
function notRemovedMessage(image: string, containerId: string, endpoint: string, cause: unknown): string {
  const short = containerId.slice(0, 12);
  return (
    `container ${short} of image ${image} may be left on the engine at ${endpoint}: removing it failed (${messageOf(cause).split(";")[0]}); ` +
    `remove it with \`docker rm -f ${short}\` or \`imgs cleanup\` once the engine answers`
  );
}

/** Removing a session's container failed; it may still exist. */
export class ContainerNotRemovedError extends ImgsError {
  readonly code = "CONTAINER_NOT_REMOVED";
  readonly category = "failure";
  constructor(readonly image: string, readonly containerId: string, readonly endpoint: string, cause: unknown) {
    super(notRemovedMessage(image, containerId, endpoint, cause), { cause });
  }
}

/** What ended a session's container, and what its main process printed. */
function stoppedMessage(image: string, containerId: string, command: readonly string[], output: string, beforeFirstCommand: boolean): string {
  const short = containerId.slice(0, 12);
  const main = `its main process (${JSON.stringify(command.join(" "))}, run by the image's entrypoint)`;
  return (
    (beforeFirstCommand
      ? `container ${short} of image ${image} ended before its first command could run: ${main} ended at once; ` +
        `the image's entrypoint must run the command it is given (a shell entrypoint ends with \`exec "$@"\`)`
      : `container ${short} of image ${image} is not running any more: ${main} ended, or it was stopped or removed from outside`) +
    (output ? `; the main process printed:\n${output}` : "")
  );
}

/** The session's container is gone while its run held it: its main process ended, or someone stopped or removed it. */
export class ContainerStoppedError extends ImgsError {
  readonly code = "CONTAINER_STOPPED";
  readonly category = "failure";
  /**
   * `command`: the container's main command (after the image's entrypoint); `output`: the end of
   * what the main process printed; `beforeFirstCommand`: true when it ended before any command of
   * the run had finished, so the image's entrypoint ends at once instead of running the command it
   * is given, not something from outside.
   */
  constructor(readonly image: string, readonly containerId: string, readonly command: readonly string[], readonly output: string, readonly beforeFirstCommand = false, cause?: unknown) {
    super(stoppedMessage(image, containerId, command, output, beforeFirstCommand), { cause });
  }
}

/** A command printed more than its output limit; the output was dropped. */
export class OutputTooLargeError extends ImgsError {
  readonly code = "OUTPUT_TOO_LARGE";
  readonly category = "failure";
  /** `limitBytes`: the limit, in bytes of stdout and stderr together. */
  constructor(readonly image: string, readonly command: readonly string[], readonly limitBytes: number) {
    super(
      `command ${JSON.stringify(command.join(" "))} in image ${image} printed more than ${limitBytes} bytes, ` +
        `its output limit (maxOutputBytes); its output was dropped (Docker cannot stop one command: it may run on until the container is removed)`,
    );
  }
}

/** No new container: the run is stopping (a signal, or the caller stopped it). */
export class RunStoppingError extends ImgsError {
  readonly code = "RUN_STOPPING";
  readonly category = "failure";
  constructor(readonly image: string) {
    super(`no container started for image ${image}: the run is stopping`);
  }
}

/** The first line says everything, for progress lines that show only that; the block's own detail follows. */
function disposalMessage(disposalErrors: readonly unknown[], error: unknown): string {
  const [first = "", ...rest] = messageOf(error).split("\n");
  const then = disposalErrors.map((e) => `; then ${messageOf(e).split("\n")[0] ?? ""}`).join("");
  return `${first}${then}${rest.length > 0 ? `\n${rest.join("\n")}` : ""}`;
}

/** A block failed, and then cleaning up after it (removing its container) failed too; the category is the block's error's. */
export class DisposalFailedError extends WrappingError {
  readonly code = "DISPOSAL_FAILED";
  /** `disposalErrors`: what disposing its resources failed with, in the order they were disposed; `error` (also the cause): what the block failed with. */
  constructor(readonly disposalErrors: readonly unknown[], readonly error: unknown) {
    super(disposalMessage(disposalErrors, error), error);
  }
}
