import { splitCommand, type Command, type ContainerSession, type ExecResult } from "@imgs/runner";
import { combineOutput } from "@imgs/runner/internal";

/** What a fake container answers to one command. */
export interface FakeReply {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode?: number;
}

/** The key a command is looked up by: a string as given, an argv joined with single spaces. */
const keyOf = (command: Command): string => (typeof command === "string" ? command : command.join(" "));

/**
 * A ContainerSession that answers from a table instead of a container, for unit tests. Unknown
 * commands answer like a missing program (exit 127). `calls` records every command asked.
 *
 * @example fakeSession({ "python --version": { stdout: "Python 3.12.4\n" } })
 */
export function fakeSession(
  replies: Readonly<Record<string, FakeReply>>,
  image = "fake/image:latest",
): ContainerSession & { readonly calls: string[]; closed: boolean } {
  const calls: string[] = [];
  const session = {
    id: "fakecontainer0000000000000000000000000000000000000000000000000000",
    image,
    calls,
    closed: false,
    exec(command: Command): Promise<ExecResult> {
      const key = keyOf(command);
      calls.push(key);
      const reply = replies[key] ?? { stderr: `exec: "${key.split(" ")[0]}": executable file not found in $PATH\n`, exitCode: 127 };
      const stdout = reply.stdout ?? "";
      const stderr = reply.stderr ?? "";
      const argv = typeof command === "string" ? splitCommand(command) : [...command];
      return Promise.resolve({ command: argv, stdout, stderr, output: combineOutput(stdout, stderr), exitCode: reply.exitCode ?? 0 });
    },
    close(): Promise<void> {
      session.closed = true;
      return Promise.resolve();
    },
    [Symbol.asyncDispose](): Promise<void> {
      return session.close();
    },
  };
  return session;
}
