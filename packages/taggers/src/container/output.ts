import { execOrThrow } from "@imgs/runner";
import type { Command, ExecOptions } from "@imgs/runner";
import type { TagContext } from "../types.js";
import { UnparsableOutputError } from "./errors.js";

/** Run a command in the tagged container; its combined output, trailing white space removed. */
export function run(ctx: TagContext, command: Command, options?: ExecOptions): Promise<string> {
  return execOrThrow(ctx.container, command, options);
}

/**
 * The `index`-th white-space separated word of a command's output (Python's `str.split()[index]`,
 * which docker-stacks uses to read versions); throws UnparsableOutputError when there is none.
 */
export function wordOf(output: string, index: number, command: Command, what: string): string {
  const word = output.trim().split(/\s+/)[index];
  if (!word) throw new UnparsableOutputError(command, output, `${what} (word ${index + 1} of the output)`);
  return word;
}

/** The output as a single word; throws UnparsableOutputError when it is empty or has several. */
export function soleWord(output: string, command: Command, what: string): string {
  const words = output.trim().split(/\s+/);
  if (words.length !== 1 || !words[0]) throw new UnparsableOutputError(command, output, `${what} (one word)`);
  return words[0];
}

/** Key/value lines like os-release's `ID=debian` or `VERSION_ID="12"`, quotes removed. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Za-z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    fields[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return fields;
}

/** The `Version: ` line of `pip show` output; throws UnparsableOutputError when there is none. */
export function pipShowVersion(output: string, command: Command): string {
  // docker-stacks reads line 2; searching for the line gives the same value and survives a warning
  // printed first on stderr (the output is combined).
  const line = output.split("\n").find((l) => l.startsWith("Version: "));
  const version = line?.slice("Version: ".length).trim();
  if (!version) throw new UnparsableOutputError(command, output, 'a "Version: " line');
  return version;
}
