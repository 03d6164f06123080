import { PassThrough } from "node:stream";
import type { ContainerCreateOptions, ExecCreateOptions } from "dockerode";
import type { SessionContainer } from "../docker-session.js";
import type { AttachableContainer } from "../session/keep-alive.js";
import type { ExecInstance, StreamDemuxer } from "../run-exec.js";
import type { SessionDocker } from "../start-container.js";

/** One piece of output of a fake exec. */
export interface FakeFrame {
  readonly stream: "stdout" | "stderr";
  readonly data: string | Buffer;
}

/** What a fake exec does. */
export interface FakeExecScript {
  /** Written to the attached stream, then the stream ends (unless `hang`). */
  readonly frames?: readonly FakeFrame[];
  /** Written by the demuxer only when the stream ends, like a demuxer that flushes a buffer late. */
  readonly flushedAtEnd?: readonly FakeFrame[];
  /** Successive answers of inspect; the last one repeats. Default: exited with `exitCode`. */
  readonly inspections?: readonly { Running: boolean; ExitCode: number | null }[];
  readonly exitCode?: number;
  /** Never end the stream (a command that runs forever), until the container is removed. */
  readonly hang?: boolean;
}

/** An error like the ones docker-modem makes from an HTTP answer. */
export function httpError(statusCode: number, message: string): Error & { statusCode: number; json: { message: string } } {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), { statusCode, json: { message } });
}

/** An error like the ones node:net makes when a connection fails. */
export function systemError(code: string, syscall = "connect"): Error & { code: string; syscall: string } {
  return Object.assign(new Error(`${syscall} ${code} /var/run/docker.sock`), { code, syscall });
}

/** What the fakes record, for assertions. */
export interface FakeLog {
  readonly created: ExecCreateOptions[];
  /** Calls in order: "attach", "start", "remove". */
  readonly calls: string[];
  /** The streams handed out by attach; ending one is the container's main process ending. */
  readonly attached: PassThrough[];
  /** For each inspect call, whether both output halves had ended by then. */
  readonly inspectedAfterEnd: boolean[];
  removed: number;
}

type Halves = { stdout: PassThrough; stderr: PassThrough; ended: Set<string> };

/** A demuxer for the fakes' object-mode streams of frames; it records when each half ends. */
function fakeDemuxer(halves: WeakMap<NodeJS.ReadableStream, Halves>, scripts: WeakMap<NodeJS.ReadableStream, FakeExecScript>): StreamDemuxer {
  return {
    demuxStream(stream, stdout, stderr) {
      const out = stdout as PassThrough;
      const err = stderr as PassThrough;
      const state: Halves = { stdout: out, stderr: err, ended: new Set() };
      halves.set(stream, state);
      out.on("end", () => state.ended.add("stdout"));
      err.on("end", () => state.ended.add("stderr"));
      const write = (frame: FakeFrame): void => void (frame.stream === "stdout" ? out : err).write(frame.data);
      stream.on("data", write);
      // Registered before the runner's own "end" listener, so these writes happen after the stream ended.
      stream.on("end", () => scripts.get(stream)?.flushedAtEnd?.forEach(write));
    },
  };
}

/** A fake container whose execs follow `scripts` in order; removing it breaks hanging execs. */
export function fakeContainer(scripts: readonly FakeExecScript[], id = "c0ffee".padEnd(64, "0")): {
  container: SessionContainer & AttachableContainer;
  demuxer: StreamDemuxer;
  log: FakeLog;
} {
  const log: FakeLog = { created: [], calls: [], attached: [], inspectedAfterEnd: [], removed: 0 };
  const halves = new WeakMap<NodeJS.ReadableStream, Halves>();
  const scriptOf = new WeakMap<NodeJS.ReadableStream, FakeExecScript>();
  const hanging = new Set<PassThrough>();
  let next = 0;
  const container: SessionContainer & AttachableContainer = {
    id,
    attach() {
      log.calls.push("attach");
      const stream = new PassThrough({ objectMode: true });
      log.attached.push(stream);
      return Promise.resolve(stream);
    },
    exec(options: ExecCreateOptions): Promise<ExecInstance> {
      log.created.push(options);
      const script = scripts[next++] ?? { exitCode: 0 };
      const stream = new PassThrough({ objectMode: true });
      scriptOf.set(stream, script);
      let inspections = 0;
      return Promise.resolve({
        start() {
          setImmediate(() => {
            for (const frame of script.frames ?? []) stream.write(frame);
            // Once the container is gone, nothing can hang in it any more.
            if (script.hang && log.removed === 0) hanging.add(stream);
            else stream.end();
          });
          return Promise.resolve(stream);
        },
        inspect() {
          const state = halves.get(stream);
          log.inspectedAfterEnd.push(state?.ended.size === 2);
          const answers = script.inspections ?? [{ Running: false, ExitCode: script.exitCode ?? 0 }];
          const answer = answers[Math.min(inspections++, answers.length - 1)];
          return Promise.resolve(answer ?? { Running: false, ExitCode: 0 });
        },
      });
    },
    start: () => {
      log.calls.push("start");
      return Promise.resolve();
    },
    remove() {
      log.calls.push("remove");
      log.removed += 1;
      for (const stream of hanging) stream.end();
      hanging.clear();
      return Promise.resolve();
    },
  };
  return { container, demuxer: fakeDemuxer(halves, scriptOf), log };
}

/** A fake dockerode whose createContainer hands out `container` (or fails as told) and records its options. */
export function fakeDocker(
  container: SessionContainer,
  demuxer: StreamDemuxer,
  createError?: Error,
): SessionDocker & { created: ContainerCreateOptions[] } {
  const created: ContainerCreateOptions[] = [];
  return {
    created,
    modem: demuxer,
    createContainer(options) {
      created.push(options);
      return createError === undefined ? Promise.resolve(container) : Promise.reject(createError);
    },
  };
}
