import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { ExecCreateOptions } from "dockerode";
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
}

/** One piece of output, in arrival order. */
export interface OutputChunk {
  readonly stream: "stdout" | "stderr";
  readonly bytes: Buffer;
}

/** What an exec produced, still as bytes. */
export interface RawExecResult {
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
}

/**
 * Waits between exec inspections, in ms. The output stream can end a moment before the engine
 * records the exit code, and until then inspect says Running (or ExitCode null); about 4 s in all.
 */
export const EXIT_CODE_POLL_MS: readonly number[] = [0, 5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000];

/**
 * Run one command in a running container and collect its output: attach to the exec, split the
 * stream into stdout and stderr, wait until BOTH halves have ended, then read the exit code.
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
  const chunks: OutputChunk[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (bytes: Buffer) => chunks.push({ stream: "stdout", bytes }));
  stderr.on("data", (bytes: Buffer) => chunks.push({ stream: "stderr", bytes }));
  demuxer.demuxStream(stream, stdout, stderr);
  // The engine ends the stream when the process exits. The halves may still hold chunks that are
  // delivered later, so the result is only complete once both halves have ended, not the stream.
  const endHalves = (): void => {
    stdout.end();
    stderr.end();
  };
  stream.once("end", endHalves);
  stream.once("close", endHalves);
  stream.once("error", (error: Error) => {
    stdout.destroy(error);
    stderr.destroy(error);
  });
  try {
    await Promise.all([finished(stdout), finished(stderr)]);
  } finally {
    // A hijacked socket is not reused; release it even when the engine left it half open.
    (stream as { destroy?: () => void }).destroy?.();
  }
  const exitCode = await readExitCode(exec, request.argv, pollMs);
  const pick = (name: OutputChunk["stream"]): Buffer => Buffer.concat(chunks.filter((c) => c.stream === name).map((c) => c.bytes));
  return { stdout: pick("stdout"), stderr: pick("stderr"), chunks, exitCode };
}

async function readExitCode(exec: ExecInstance, argv: readonly string[], pollMs: readonly number[]): Promise<number> {
  for (const delay of pollMs) {
    if (delay > 0) await sleep(delay);
    const info = await exec.inspect();
    if (!info.Running && typeof info.ExitCode === "number") return info.ExitCode;
  }
  throw new ExitCodeUnknownError(argv);
}
