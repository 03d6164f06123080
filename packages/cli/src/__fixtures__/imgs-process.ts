import { spawn, type ChildProcessByStdio } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Readable } from "node:stream";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** The imgs binary from source: tsx's loader by URL, so it runs from any working folder. */
export const BIN = ["--import", import.meta.resolve("tsx"), fileURLToPath(new URL("../bin.ts", import.meta.url))];
/** No CI variables of the machine running the tests: the context comes from the repository. */
export const NO_CI = { GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "", IMGS_DEBUG: "" };

/** How an imgs process ended: its exit status, or the signal that killed it. */
export interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Milliseconds from spawn to exit. */
  readonly ms: number;
}

/** A running imgs process and what it printed so far. */
export interface ImgsProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  stdout(): string;
  stderr(): string;
  /** At the process's exit (its pipes may still hold output). */
  readonly ended: Promise<Ended>;
  /** Once the process exited and its pipes closed: all it printed is in stdout() and stderr(). */
  readonly closed: Promise<void>;
}

/** Start the imgs binary as its own process (stdin closed, stdout and stderr collected). */
export function startImgs(argv: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ImgsProcess {
  const started = Date.now();
  const child = spawn(process.execPath, [...BIN, ...argv], { cwd: options.cwd, env: { ...process.env, ...NO_CI, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // A test may close the pipes on purpose (a reader that went away).
  child.stdout.on("error", () => undefined);
  child.stderr.on("error", () => undefined);
  const ended = new Promise<Ended>((resolve) => child.once("exit", (status, signal) => resolve({ status, signal, ms: Date.now() - started })));
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return { child, stdout: () => stdout, stderr: () => stderr, ended, closed };
}

/** Run the imgs binary to its end. */
export async function runImgs(argv: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Ended & { stdout: string; stderr: string }> {
  const run = startImgs(argv, options);
  const ended = await run.ended;
  await run.closed;
  return { ...ended, stdout: run.stdout(), stderr: run.stderr() };
}
