import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { ExecCreateOptions } from "dockerode";
import { ExecOutputCollector, MAX_OUTPUT_BYTES } from "./decode-exec-output.js";
import type { CollectedOutput } from "./decode-exec-output.js";
import { ExitCodeUnknownError } from "./errors/exec.js";

/** The part of a dockerode Exec that runExec uses. */
export interface ExecInstance {
  start(options: { hijack: boolean; stdin: boolean }): Promise<NodeJS.ReadableStream>;
  inspect(): Promise<{ Running: boolean; ExitCode: number | null }>;
}

/** The part of a dockerode Container that runExec uses. */
export interface ExecContainer {
  exec(options: ExecCreateOptions): Promise<ExecInstance>;
}

/** docker-modem's demuxStream: splits Docker's multiplexed stream into stdout and stderr. */
export interface StreamDemuxer {
  demuxStream(stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void;
}

/** One exec to run. */
export interface ExecRequest {
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string>> | undefined;
  readonly user?: string | undefined;
  readonly workdir?: string | undefined;
  /** Output limit, stdout and stderr together (default MAX_OUTPUT_BYTES). */
  readonly maxOutputBytes?: number | undefined;
}

/** What an exec produced: its output (or what went wrong with it) and its exit code. */
export interface RawExecResult {
  readonly collected: CollectedOutput;
  /** Undefined when the output passed its limit: the exec was let go before it ended. */
  readonly exitCode: number | undefined;
}

/**
 * Waits between exec inspections, in ms. The output stream can end a moment before the engine
 * records the exit code, and until then inspect says Running (or ExitCode null); about 4 s in all.
 */
export const EXIT_CODE_POLL_MS: readonly number[] = [0, 5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000];

/**
 * Run one command in a running container and collect its output: attach to the exec, split the
 * stream into stdout and stderr, wait until BOTH halves have ended, then read the exit code. Past
 * its output limit the exec is let go at once (Docker cannot stop it) and the result says so.
 */
export async function runExec(
  container: ExecContainer,
  demuxer: StreamDemuxer,
  request: ExecRequest,
  pollMs: readonly number[] = EXIT_CODE_POLL_MS,
): Promise<RawExecResult> {
  const exec = await container.exec({
    Cmd: [...request.argv],
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    ...(request.env ? { Env: Object.entries(request.env).map(([key, value]) => `${key}=${value}`) } : {}),
    ...(request.user === undefined ? {} : { User: request.user }),
    ...(request.workdir === undefined ? {} : { WorkingDir: request.workdir }),
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const collector = new ExecOutputCollector(request.maxOutputBytes ?? MAX_OUTPUT_BYTES);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const endHalves = (): void => {
    stdout.end();
    stderr.end();
  };
  let overLimit = false;
  const take = (name: "stdout" | "stderr") => (bytes: Buffer) => {
    if (collector.push(name, bytes) || overLimit) return;
    overLimit = true;
    // Nothing more is read; closing the connection lets the engine drop the rest (its "close" ends the halves).
    (stream as { destroy?: () => void }).destroy?.();
  };
  stdout.on("data", take("stdout"));
  stderr.on("data", take("stderr"));
  demuxer.demuxStream(stream, stdout, stderr);
  // The engine ends the stream when the process exits. The halves may still hold chunks that are
  // delivered later, so the result is only complete once both halves have ended, not the stream.
  stream.once("end", endHalves);
  stream.once("close", endHalves);
  stream.once("error", (error: Error) => {
    if (overLimit) return;
    stdout.destroy(error);
    stderr.destroy(error);
  });
  try {
    await Promise.all([finished(stdout), finished(stderr)]);
  } finally {
    // A hijacked socket is not reused; release it even when the engine left it half open.
    (stream as { destroy?: () => void }).destroy?.();
  }
  const collected = collector.finish();
  if (collected.kind === "too-large") return { collected, exitCode: undefined };
  return { collected, exitCode: await readExitCode(exec, request.argv, pollMs) };
}

async function readExitCode(exec: ExecInstance, argv: readonly string[], pollMs: readonly number[]): Promise<number> {
  for (const delay of pollMs) {
    if (delay > 0) await sleep(delay);
    const info = await exec.inspect();
    if (!info.Running && typeof info.ExitCode === "number") return info.ExitCode;
  }
  throw new ExitCodeUnknownError(argv);
}
