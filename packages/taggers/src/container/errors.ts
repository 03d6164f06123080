import { ImgsError, messageOf, quotedValue, WrappingError } from "@imgs/errors";
import { outputTail } from "@imgs/runner/internal";
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
export class TaggerFailedError extends WrappingError {
  readonly code = "TAGGER_FAILED";
  constructor(readonly tagger: string, readonly image: string, cause: unknown) {
    super(`tagger "${tagger}" failed for image ${image}: ${messageOf(cause)}`, cause);
  }
}

/** A tag value does not match Docker's tag grammar [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. */
export class InvalidTagError extends ImgsError {
  readonly code = "INVALID_TAG";
  readonly category = "usage";
  /** `reason`: why the value is not a tag, e.g. `character " " at index 6 is not allowed`. */
  constructor(readonly tagger: string, readonly image: string, readonly value: string, readonly reason: string) {
    super(`tagger "${tagger}" made an invalid Docker tag ${quotedValue(value)} for image ${image}: ${reason}`);
  }
}

/** Why a command's output did not hold what a tagger looks for. */
function unparsableMessage(command: Command, output: string, expected: string): string {
  const tail = outputTail(output);
  return `could not find ${expected} in the output of ${JSON.stringify(commandText(command))}` + (tail ? `; last output:\n${tail}` : "; it printed nothing");
}

/** A command succeeded but its output does not hold what the tagger looks for. */
export class UnparsableOutputError extends ImgsError {
  readonly code = "UNPARSABLE_OUTPUT";
  readonly category = "failure";
  /** `command`: as the tagger gave it; `expected`: what was looked for, e.g. "the second word (the version)". */
  constructor(readonly command: Command, readonly output: string, readonly expected: string) {
    super(unparsableMessage(command, output, expected));
  }
}

/** A tagger spec (config entry or factory argument) is malformed. */
export class InvalidTaggerSpecError extends ImgsError {
  readonly code = "INVALID_TAGGER_SPEC";
  readonly category = "usage";
  constructor(readonly spec: unknown, readonly reason: string) {
    super(`invalid tagger spec ${describe(spec)}: ${reason}`);
  }
}
