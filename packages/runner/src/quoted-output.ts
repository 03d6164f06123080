import { EmptyOutputError } from "./errors/exec.js";
import { execOrThrow } from "./exec-or-throw.js";
import type { ContainerSession, ExecOptions } from "./types.js";

/**
 * A command's output as Markdown, exactly as docker-stacks' quoted_output writes it: the command in
 * backticks, then a ```text fence holding the output with surrounding blank lines dropped and
 * trailing spaces trimmed on each line. Empty output is an error.
 */
export async function quotedOutput(session: ContainerSession, command: string, options?: ExecOptions): Promise<string> {
  const raw = await execOrThrow(session, command, options);
  // e.g. `mamba info` adds blank lines around its output; R's package list has trailing spaces.
  const body = raw
    .replace(/^\n+|\n+$/g, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
  if (!body) throw new EmptyOutputError(session.image, command);
  return `\`${command}\`:\n\n\`\`\`text\n${body}\n\`\`\``;
}
