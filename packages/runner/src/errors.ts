import type { ExecResult } from "./types.js";

/** How many lines of output an error message carries. */
const TAIL_LINES = 20;

/** The last lines of a command's combined output, for error messages. */
export function outputTail(output: string, lines = TAIL_LINES): string {
  const all = output.trimEnd().split("\n");
  return all.slice(-lines).join("\n");
}

/** A command exited with a non-zero code. */
export class ExecFailedError extends Error {
  static readonly code = "EXEC_FAILED";
  readonly code = ExecFailedError.code;
  override readonly name = "ExecFailedError";
  readonly image: string;
  readonly containerId: string;
  readonly command: readonly string[];
  readonly exitCode: number;
  readonly output: string;

  constructor(image: string, containerId: string, result: ExecResult) {
    const tail = outputTail(result.output);
    super(
      `command ${JSON.stringify(result.command.join(" "))} exited with code ${result.exitCode} ` +
        `in image ${image} (container ${containerId.slice(0, 12)})` +
        (tail ? `; last output:\n${tail}` : "; it printed nothing"),
    );
    this.image = image;
    this.containerId = containerId;
    this.command = result.command;
    this.exitCode = result.exitCode;
    this.output = result.output;
  }
}

/** A command printed nothing where output was required (quotedOutput). */
export class EmptyOutputError extends Error {
  static readonly code = "EMPTY_OUTPUT";
  readonly code = EmptyOutputError.code;
  override readonly name = "EmptyOutputError";
  readonly image: string;
  readonly command: string;

  constructor(image: string, command: string) {
    super(`command \`${command}\` returned empty output in image ${image}`);
    this.image = image;
    this.command = command;
  }
}
