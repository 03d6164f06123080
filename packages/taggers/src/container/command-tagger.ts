import { BadCommandError, splitCommand, type Command } from "@imgs/runner";
import type { Tagger } from "../types.js";
import { InvalidTaggerSpecError, UnparsableOutputError, commandText } from "./errors.js";
import { defineTagger } from "./define-tagger.js";
import { run } from "./output.js";
import { compileTemplate, groupCount } from "./template.js";

/** A tagger made of a command, a pattern and a template; usable from JSON/YAML without code. */
export interface CommandTaggerOptions {
  /** Tagger name for configs and errors; default "command(<command>)". */
  readonly name?: string;
  /** Run in the container without a shell; a string is split into words like a POSIX shell does. */
  readonly command: Command;
  /** Regular expression searched in the combined output (stderr, then stdout). */
  readonly pattern: string | RegExp;
  /** Flags for a string pattern; default "m" (^ and $ match at each line). g and y are not allowed. */
  readonly flags?: string;
  /** The tag: `$1`, `$<name>`, `$&`, `$$` as in String.replace; default `$1`, or `$&` without groups. */
  readonly template?: string;
  /** Give up (ExecTimeoutError, wrapped in TaggerFailedError) after this long. */
  readonly timeoutMs?: number;
}

function checkCommand(command: unknown): Command {
  if (typeof command === "string" && command.trim() !== "") {
    // Split now, so a command a shell would read differently (`echo $HOME | wc`) is a config error,
    // found before any container starts, not an exec error in every image.
    try {
      splitCommand(command);
    } catch (error) {
      if (error instanceof BadCommandError) throw new InvalidTaggerSpecError(command, error.reason);
      throw error;
    }
    return command;
  }
  if (Array.isArray(command) && command.length > 0 && command.every((w) => typeof w === "string") && command[0] !== "") {
    return command;
  }
  throw new InvalidTaggerSpecError(command, "command must be a non-empty string or array of strings");
}

function toRegExp(pattern: unknown, flags: unknown): RegExp {
  if (flags !== undefined && (typeof flags !== "string" || !/^[dimsuv]*$/.test(flags))) {
    throw new InvalidTaggerSpecError(flags, "flags may only hold d i m s u v");
  }
  if (pattern instanceof RegExp) return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
  if (typeof pattern !== "string" || pattern === "") throw new InvalidTaggerSpecError(pattern, "pattern must be a non-empty regular expression");
  try {
    return new RegExp(pattern, flags ?? "m");
  } catch (error) {
    throw new InvalidTaggerSpecError(pattern, `pattern is not a valid regular expression: ${(error as Error).message}`);
  }
}

/**
 * A tagger that runs `command`, searches `pattern` in its output and fills `template` from the
 * match; no match is an UnparsableOutputError naming command and output tail.
 *
 * @example commandTagger({ name: "jq", command: "jq --version", pattern: "^jq-(\\S+)", template: "jq-$1" })
 */
export function commandTagger(options: CommandTaggerOptions): Tagger {
  const command = checkCommand(options.command);
  const pattern = toRegExp(options.pattern, options.flags);
  const template = options.template ?? (groupCount(pattern) > 0 ? "$1" : "$&");
  if (typeof template !== "string") throw new InvalidTaggerSpecError(template, "template must be a string");
  const fill = compileTemplate(template, pattern);
  const { timeoutMs } = options;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new InvalidTaggerSpecError(timeoutMs, "timeoutMs must be a positive whole number of milliseconds");
  }
  const name = options.name ?? `command(${commandText(command)})`;
  return defineTagger(name, async (ctx) => {
    const output = await run(ctx, command, timeoutMs === undefined ? undefined : { timeoutMs });
    const match = pattern.exec(output);
    if (!match) throw new UnparsableOutputError(command, output, `a match of /${pattern.source}/${pattern.flags}`);
    return fill(match);
  });
}
