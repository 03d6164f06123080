/** The argv as one readable line, for messages. */
const show = (command: readonly string[]): string => JSON.stringify(command.join(" "));

/** The program of a command does not exist in the container (Docker's OCI "executable file not found"). */
export class ProgramNotFoundError extends Error {
  static readonly code = "PROGRAM_NOT_FOUND";
  readonly code = ProgramNotFoundError.code;
  override readonly name = "ProgramNotFoundError";
  readonly program: string;
  readonly image: string;
  readonly containerId: string;
  readonly command: readonly string[];
  /** What Docker printed, e.g. `exec: "python": executable file not found in $PATH`. */
  readonly output: string;

  constructor(image: string, containerId: string, command: readonly string[], output: string) {
    const program = command[0] ?? "";
    super(`program ${JSON.stringify(program)} not found in image ${image} (command ${show(command)}): ${output.trim()}`);
    this.program = program;
    this.image = image;
    this.containerId = containerId;
    this.command = command;
    this.output = output;
  }
}

/** A command printed bytes that are not valid UTF-8. */
export class OutputNotUtf8Error extends Error {
  static readonly code = "OUTPUT_NOT_UTF8";
  readonly code = OutputNotUtf8Error.code;
  override readonly name = "OutputNotUtf8Error";
  readonly image: string;
  readonly command: readonly string[];
  readonly stream: "stdout" | "stderr";
  /** Byte offset, in that stream, of the first byte that is not part of a valid UTF-8 sequence. */
  readonly offset: number;

  constructor(image: string, command: readonly string[], stream: "stdout" | "stderr", offset: number, cause?: unknown) {
    super(`command ${show(command)} in image ${image} wrote invalid UTF-8 to ${stream} at byte ${offset}`, { cause });
    this.image = image;
    this.command = command;
    this.stream = stream;
    this.offset = offset;
  }
}

/** A command ran longer than its timeoutMs; its container has been removed. */
export class ExecTimeoutError extends Error {
  static readonly code = "EXEC_TIMEOUT";
  readonly code = ExecTimeoutError.code;
  override readonly name = "ExecTimeoutError";
  readonly image: string;
  readonly containerId: string;
  readonly command: readonly string[];
  readonly timeoutMs: number;

  /** `cause` is the error of removing the container, when that failed too. */
  constructor(image: string, containerId: string, command: readonly string[], timeoutMs: number, cause?: unknown) {
    super(
      `command ${show(command)} in image ${image} did not finish within ${timeoutMs} ms; ` +
        (cause === undefined
          ? `its container ${containerId.slice(0, 12)} was removed (Docker cannot stop a single exec)`
          : `removing its container ${containerId.slice(0, 12)} failed too`),
      { cause },
    );
    this.image = image;
    this.containerId = containerId;
    this.command = command;
    this.timeoutMs = timeoutMs;
  }
}

/** The session was closed (by close(), a timeout or a signal) before or while a command ran. */
export class SessionClosedError extends Error {
  static readonly code = "SESSION_CLOSED";
  readonly code = SessionClosedError.code;
  override readonly name = "SessionClosedError";
  readonly image: string;
  readonly containerId: string;
  readonly command: readonly string[];

  constructor(image: string, containerId: string, command: readonly string[], cause?: unknown) {
    super(`cannot run ${show(command)}: the session of image ${image} (container ${containerId.slice(0, 12)}) is closed`, {
      cause,
    });
    this.image = image;
    this.containerId = containerId;
    this.command = command;
  }
}

/** A command or its options cannot be run: unbalanced quotes, a shell operator, an empty argv, a bad timeout. */
export class BadCommandError extends Error {
  static readonly code = "BAD_COMMAND";
  readonly code = BadCommandError.code;
  override readonly name = "BadCommandError";
  /** The command as given. */
  readonly command: string | readonly string[];
  readonly reason: string;

  constructor(command: string | readonly string[], reason: string) {
    super(`bad command ${typeof command === "string" ? JSON.stringify(command) : show(command)}: ${reason}`);
    this.command = command;
    this.reason = reason;
  }
}

/** The engine never recorded an exit code for a command whose output had ended. */
export class ExitCodeUnknownError extends Error {
  static readonly code = "EXIT_CODE_UNKNOWN";
  readonly code = ExitCodeUnknownError.code;
  override readonly name = "ExitCodeUnknownError";
  readonly command: readonly string[];

  constructor(command: readonly string[]) {
    super(`the Docker engine reported no exit code for ${show(command)} after its output ended`);
    this.command = command;
  }
}
