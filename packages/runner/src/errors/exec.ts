import { ImgsError } from "@imgs/errors";

/** How many lines of output an error message carries. */
const TAIL_LINES = 20;

/** How many bytes (UTF-8) of output an error message carries at most, however long its lines are. */
const TAIL_BYTES = 4096;

/**
 * The end of a command's output, for error messages: its last `lines` lines, and of those at most
 * `bytes` bytes (UTF-8); a line cut in the middle starts with a mark saying how much was cut. Only
 * the end of the output is looked at, so a 200 MB line costs no more than a short one.
 */
export function outputTail(output: string, lines = TAIL_LINES, bytes = TAIL_BYTES): string {
  const end = String(output).trimEnd();
  // A UTF-8 byte takes at least one UTF-16 unit, so the last `bytes` units hold the last `bytes` bytes.
  const window = end.slice(-bytes);
  let cut = window.length;
  for (let kept = 0; kept < lines && cut >= 0; kept += 1) cut = cut === 0 ? -1 : window.lastIndexOf("\n", cut - 1);
  let tail = cut < 0 ? window : window.slice(cut + 1);
  const encoded = Buffer.from(tail, "utf8");
  if (encoded.length > bytes) {
    // Start on a character: skip the continuation bytes of one cut in two.
    let from = encoded.length - bytes;
    while (from < encoded.length && ((encoded[from] ?? 0) & 0xc0) === 0x80) from += 1;
    tail = encoded.subarray(from).toString("utf8");
  }
  const startsLine = tail.length === end.length || end[end.length - tail.length - 1] === "\n";
  return startsLine ? tail : `[… ${Buffer.byteLength(end, "utf8") - Buffer.byteLength(tail, "utf8")} bytes cut] ${tail}`;
}

/** The argv as one readable line, for messages. */
const show = (command: readonly string[]): string => JSON.stringify(command.join(" "));

/** What an ExecFailedError says: the command, its exit code, and the end of its output. */
function execFailedMessage(image: string, containerId: string, command: readonly string[], exitCode: number, output: string): string {
  const tail = outputTail(output);
  return `command ${show(command)} exited with code ${exitCode} in image ${image} (container ${containerId.slice(0, 12)})` + (tail ? `; last output:\n${tail}` : "; it printed nothing");
}

/** A command exited with a non-zero code. */
export class ExecFailedError extends ImgsError {
  readonly code = "EXEC_FAILED";
  readonly category = "failure";
  /** `output`: the ExecResult's `output` (stderr, then stdout). */
  constructor(readonly image: string, readonly containerId: string, readonly command: readonly string[], readonly exitCode: number, readonly output: string) {
    super(execFailedMessage(image, containerId, command, exitCode, output));
  }
}

/** A command printed nothing where output was required (quotedOutput). */
export class EmptyOutputError extends ImgsError {
  readonly code = "EMPTY_OUTPUT";
  readonly category = "failure";
  constructor(readonly image: string, readonly command: string) {
    super(`command \`${command}\` returned empty output in image ${image}`);
  }
}

/** The program of a command does not exist in the container (Docker's OCI "executable file not found"). */
export class ProgramNotFoundError extends ImgsError {
  readonly code = "PROGRAM_NOT_FOUND";
  readonly category = "failure";
  /** `output`: what Docker printed, e.g. `exec: "python": executable file not found in $PATH`. */
  constructor(readonly image: string, readonly containerId: string, readonly command: readonly string[], readonly output: string) {
    super(`program ${JSON.stringify(command[0] ?? "")} not found in image ${image} (command ${show(command)}): ${output.trim()}`);
  }
  /** The program that is missing: the command's first word. */
  get program(): string {
    return this.command[0] ?? "";
  }
}

/** A command printed bytes that are not valid UTF-8. */
export class OutputNotUtf8Error extends ImgsError {
  readonly code = "OUTPUT_NOT_UTF8";
  readonly category = "failure";
  /** `offset`: byte offset, in that stream, of the first byte that is not part of a valid UTF-8 sequence. */
  constructor(readonly image: string, readonly command: readonly string[], readonly stream: "stdout" | "stderr", readonly offset: number, cause?: unknown) {
    super(`command ${show(command)} in image ${image} wrote invalid UTF-8 to ${stream} at byte ${offset}`, { cause });
  }
}

/** What an ExecTimeoutError says: the command, its limit, and what became of its container. */
function timeoutMessage(image: string, containerId: string, command: readonly string[], timeoutMs: number, removalFailed: boolean): string {
  const container = containerId.slice(0, 12);
  return (
    `command ${show(command)} in image ${image} did not finish within ${timeoutMs} ms; ` +
    (removalFailed ? `removing its container ${container} failed too` : `its container ${container} was removed (Docker cannot stop a single exec)`)
  );
}

/** A command ran longer than its timeoutMs; its container has been removed. */
export class ExecTimeoutError extends ImgsError {
  readonly code = "EXEC_TIMEOUT";
  readonly category = "failure";
  /** `cause` is the error of removing the container, when that failed too. */
  constructor(readonly image: string, readonly containerId: string, readonly command: readonly string[], readonly timeoutMs: number, cause?: unknown) {
    super(timeoutMessage(image, containerId, command, timeoutMs, cause !== undefined), { cause });
  }
}

/** The session was closed (by close(), a timeout or a signal) before or while a command ran. */
export class SessionClosedError extends ImgsError {
  readonly code = "SESSION_CLOSED";
  readonly category = "failure";
  constructor(readonly image: string, readonly containerId: string, readonly command: readonly string[], cause?: unknown) {
    super(`cannot run ${show(command)}: the session of image ${image} (container ${containerId.slice(0, 12)}) is closed`, { cause });
  }
}

/** A command or its options cannot be run: unbalanced quotes, a shell operator, an empty argv, a bad timeout. */
export class BadCommandError extends ImgsError {
  readonly code = "BAD_COMMAND";
  readonly category = "usage";
  /** `command`: as given. */
  constructor(readonly command: string | readonly string[], readonly reason: string) {
    super(`bad command ${typeof command === "string" ? JSON.stringify(command) : show(command)}: ${reason}`);
  }
}

/** The engine never recorded an exit code for a command whose output had ended. */
export class ExitCodeUnknownError extends ImgsError {
  readonly code = "EXIT_CODE_UNKNOWN";
  readonly category = "failure";
  constructor(readonly command: readonly string[]) {
    super(`the Docker engine reported no exit code for ${show(command)} after its output ended`);
  }
}
