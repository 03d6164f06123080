import { EmptyOutputError } from "./errors/exec.js";
import { execOrThrow } from "./exec-or-throw.js";
import type { ContainerSession, ExecOptions } from "./types.js";

/** A quoted command output: the Markdown section and the output text it quotes. */
export interface QuotedOutput {
  /** `` `command`: ``, a blank line, then the body in a ```text fence (docker-stacks' quoted_output). */
  readonly markdown: string;
  /** The output as quoted: surrounding blank lines dropped, trailing spaces trimmed on each line. */
  readonly body: string;
}

/**
 * Runs a command and returns both its quoted Markdown and the text inside the fence, so a manifest
 * can read package rows from exactly the lines its Markdown shows. The output is stderr then
 * stdout, each whole (see combineOutput), so it is the same every run: for `apt list --installed`,
 * apt's stderr warning comes first, as in docker-stacks' published manifests. Throws
 * ExecFailedError on a non-zero exit code and EmptyOutputError when nothing but white space was written.
 */
export async function quoteOutput(session: ContainerSession, command: string, options?: ExecOptions): Promise<QuotedOutput> {
  const raw = await execOrThrow(session, command, options);
  // e.g. `mamba info` adds blank lines around its output; R's package list has trailing spaces.
  const body = raw
    .replace(/^\n+|\n+$/g, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
  if (!body) throw new EmptyOutputError(session.image, command);
  return { markdown: `\`${command}\`:\n\n\`\`\`text\n${body}\n\`\`\``, body };
}

/**
 * A command's output as Markdown, as docker-stacks' quoted_output (tagging/utils/quoted_output.py)
 * writes it: the command in backticks, then a ```text fence holding the output (stderr, then
 * stdout) with surrounding blank lines dropped and trailing spaces trimmed on each line. Empty
 * output is an error.
 */
export async function quotedOutput(session: ContainerSession, command: string, options?: ExecOptions): Promise<string> {
  return (await quoteOutput(session, command, options)).markdown;
}
