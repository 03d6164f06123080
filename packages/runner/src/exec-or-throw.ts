import { ExecFailedError } from "./errors/exec.js";
import type { Command, ContainerSession, ExecOptions } from "./types.js";

/**
 * Run a command and return its combined output with trailing white space removed, as docker-stacks'
 * DockerRunner.exec_cmd does; throws ExecFailedError on a non-zero exit code.
 */
export async function execOrThrow(session: ContainerSession, command: Command, options?: ExecOptions): Promise<string> {
  const result = await session.exec(command, options);
  if (result.exitCode !== 0) throw new ExecFailedError(session.image, session.id, result.command, result.exitCode, result.output);
  return result.output.trimEnd();
}
