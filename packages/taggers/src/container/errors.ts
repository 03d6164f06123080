import { outputTail } from "@imgs/runner";
import type { Command } from "@imgs/runner";

/** A command as one line of text, for messages. */
export const commandText = (command: Command): string => (typeof command === "string" ? command : command.join(" "));

/** JSON text of a value that may not serialise (functions, cycles), for messages. */
function describe(value: unknown): string {
  if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A tagger threw; `cause` holds what went wrong (ExecFailedError, UnparsableOutputError, a timeout…). */
export class TaggerFailedError extends Error {
  static readonly code = "TAGGER_FAILED";
  readonly code = TaggerFailedError.code;
  override readonly name = "TaggerFailedError";
  readonly tagger: string;
  readonly image: string;

  constructor(tagger: string, image: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`tagger "${tagger}" failed for image ${image}: ${reason}`, { cause });
    this.tagger = tagger;
    this.image = image;
  }
}

/** A tag value does not match Docker's tag grammar [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. */
export class InvalidTagError extends Error {
  static readonly code = "INVALID_TAG";
  readonly code = InvalidTagError.code;
  override readonly name = "InvalidTagError";
  readonly tagger: string;
  readonly image: string;
  readonly value: string;
  /** Why the value is not a tag, e.g. `character " " at index 6 is not allowed`. */
  readonly reason: string;

  constructor(tagger: string, image: string, value: string, reason: string) {
    super(`tagger "${tagger}" made an invalid Docker tag ${JSON.stringify(value)} for image ${image}: ${reason}`);
    this.tagger = tagger;
    this.image = image;
    this.value = value;
    this.reason = reason;
  }
}

/** A command succeeded but its output does not hold what the tagger looks for. */
export class UnparsableOutputError extends Error {
  static readonly code = "UNPARSABLE_OUTPUT";
  readonly code = UnparsableOutputError.code;
  override readonly name = "UnparsableOutputError";
  readonly command: string;
  readonly output: string;
  /** What was looked for, e.g. "the second word (the version)". */
  readonly expected: string;

  constructor(command: Command, output: string, expected: string) {
    const tail = outputTail(output);
    super(
      `could not find ${expected} in the output of ${JSON.stringify(commandText(command))}` +
        (tail ? `; last output:\n${tail}` : "; it printed nothing"),
    );
    this.command = commandText(command);
    this.output = output;
    this.expected = expected;
  }
}

/** A tagger spec (config entry or factory argument) is malformed. */
export class InvalidTaggerSpecError extends Error {
  static readonly code = "INVALID_TAGGER_SPEC";
  readonly code = InvalidTaggerSpecError.code;
  override readonly name = "InvalidTaggerSpecError";
  readonly spec: unknown;
  readonly reason: string;

  constructor(spec: unknown, reason: string) {
    super(`invalid tagger spec ${describe(spec)}: ${reason}`);
    this.spec = spec;
    this.reason = reason;
  }
}
