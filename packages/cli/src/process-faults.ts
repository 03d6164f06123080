import { asError, hasErrorCode, messageOf } from "@imgs/errors";
import { OutputClosedError, ProcessExitCalledError, RunStalledError, UncaughtExceptionError, UnhandledRejectionError } from "./errors.js";

/** A fault of the process: what happened, as an ImgsError, and the status the process ends with. */
export type ProcessFault = UncaughtExceptionError | UnhandledRejectionError | ProcessExitCalledError | OutputClosedError | RunStalledError;

/** An output stream of the process, as far as the watch uses it. */
export interface FaultStream {
  on(event: "error", listener: (error: unknown) => void): unknown;
  off(event: "error", listener: (error: unknown) => void): unknown;
  write(text: string): unknown;
}

/** The part of `process` watchFaults uses. */
export interface FaultProcess {
  on(event: "uncaughtException" | "unhandledRejection" | "beforeExit", listener: (error: unknown) => void): unknown;
  off(event: "uncaughtException" | "unhandledRejection" | "beforeExit", listener: (error: unknown) => void): unknown;
  exit: (code?: number | string | null) => never;
  readonly stdout: FaultStream;
  readonly stderr: FaultStream;
}

/** What watchFaults returns. */
export interface FaultWatch {
  /** Aborts on the first fault: the run starts nothing new and unwinds, removing its containers. */
  readonly signal: AbortSignal;
  /** The first fault, once one happened. */
  readonly fault: ProcessFault | undefined;
  /** Resolves with the first fault (never, when none happens). */
  readonly faulted: Promise<ProcessFault>;
  /** The process's own exit, which the watch replaces while it lasts. */
  readonly exit: (code: number) => never;
  /** The run's stdout and stderr: writes that cannot fail, dropped once the stream was closed. */
  readonly stdout: { write: (text: string) => void };
  readonly stderr: { write: (text: string) => void };
  /** Whether stderr can still be written to (false once it was closed under the run). */
  readonly stderrOpen: boolean;
  /** The run has settled: the event loop running dry from now on is the normal end, not a stall. */
  settled(): void;
  /** Removes the handlers and puts `exit` back. */
  done(): void;
}

/** Where a stack says the code was: its first frame in a file (not node's internals), as `file:line:column`. */
export function whereOf(stack: string | undefined): string | undefined {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const frame = /^at (?:[^(]*\()?((?:file:\/\/|\/)[^()\s]*:\d+:\d+)\)?$/.exec(line.trim());
    if (frame?.[1]) return frame[1];
  }
  return undefined;
}

/**
 * Watches the process for what would otherwise end it with containers still running, or with
 * nothing said: an uncaught exception or unhandled rejection (a plugin's timer, a bug), a config
 * or plugin that calls `process.exit`, and a closed stdout or stderr (EPIPE, `imgs … | head`).
 * A run that can never finish is one too: the event loop runs dry (`beforeExit`) while the run is
 * still pending, because a tagger or manifest waits for a promise nothing will settle.
 * The first such fault aborts `signal`, so the run stops and removes its containers before the
 * bin exits and reports it. `process.exit` is replaced by a function that records the call and
 * throws, unwinding its caller. Only the bin calls this.
 */
export function watchFaults(target: FaultProcess): FaultWatch {
  const controller = new AbortController();
  const realExit = target.exit.bind(target) as (code: number) => never;
  let fault: ProcessFault | undefined;
  let report: (fault: ProcessFault) => void = () => undefined;
  const faulted = new Promise<ProcessFault>((resolve) => {
    report = resolve;
  });
  const closed = { stdout: false, stderr: false };
  let running = true;
  const record = (next: ProcessFault): void => {
    if (fault !== undefined) return;
    fault = next;
    report(next);
    controller.abort(next);
  };

  const onException = (error: unknown): void => {
    // A throw from the replaced exit that nobody caught is that call, not a new fault.
    if (error instanceof ProcessExitCalledError) return record(error);
    if (isClosedOutput(error) && (closed.stdout || closed.stderr)) return;
    record(new UncaughtExceptionError(whereOf(asError(error).stack), asError(error)));
  };
  const onRejection = (reason: unknown): void => {
    if (reason instanceof ProcessExitCalledError) return record(reason);
    record(new UnhandledRejectionError(reason instanceof Error ? whereOf(reason.stack) : undefined, reason));
  };
  const outputListener = (name: "stdout" | "stderr") => (error: unknown) => {
    closed[name] = true;
    // EPIPE: the reader went away (`| head`); other errors of a terminal or file end the output too.
    record(new OutputClosedError(name, messageOf(error), hasErrorCode(error, "EPIPE")));
  };
  const onBeforeExit = (): void => {
    if (running) record(new RunStalledError());
  };
  const onStdout = outputListener("stdout");
  const onStderr = outputListener("stderr");

  function exit(code?: number | string | null): never {
    const caller: { stack?: string } = {};
    Error.captureStackTrace(caller, exit);
    const error = new ProcessExitCalledError(code ?? undefined, whereOf(`Error\n${caller.stack?.split("\n").slice(1).join("\n") ?? ""}`));
    record(error);
    throw error;
  }

  target.on("uncaughtException", onException);
  target.on("unhandledRejection", onRejection);
  target.on("beforeExit", onBeforeExit);
  target.stdout.on("error", onStdout);
  target.stderr.on("error", onStderr);
  target.exit = exit;

  // The streams' own writes, taken now: stdoutToStderr may redirect process.stdout.write later.
  const writes = { stdout: target.stdout.write.bind(target.stdout), stderr: target.stderr.write.bind(target.stderr) };
  const safe = (name: "stdout" | "stderr") => ({
    write(text: string): void {
      if (closed[name]) return;
      try {
        writes[name](text);
      } catch (error) {
        (name === "stdout" ? onStdout : onStderr)(error);
      }
    },
  });
  return {
    signal: controller.signal,
    get fault() {
      return fault;
    },
    faulted,
    exit: realExit,
    stdout: safe("stdout"),
    stderr: safe("stderr"),
    get stderrOpen() {
      return !closed.stderr;
    },
    settled() {
      running = false;
    },
    done() {
      target.off("uncaughtException", onException);
      target.off("unhandledRejection", onRejection);
      target.off("beforeExit", onBeforeExit);
      target.exit = realExit as FaultProcess["exit"];
    },
  };
}

/** An EPIPE or write-after-close surfacing as an exception after a stream closed: its own listener had it. */
const isClosedOutput = (error: unknown): boolean => hasErrorCode(error, "EPIPE", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END");

/** The part of `process` stdoutToStderr changes. */
export interface OutputStreams {
  readonly stdout: { write: FaultStream["write"] };
  readonly stderr: { write: FaultStream["write"] };
}

/**
 * Sends what configs and plugins print to stdout (`console.log`, `process.stdout.write`) to stderr,
 * so it never mixes with imgs' own stdout (`--json`, tags for scripts): imgs writes stdout through
 * the writer watchFaults took before this. Only the bin calls this, after watchFaults.
 */
export function stdoutToStderr(target: OutputStreams): void {
  target.stdout.write = target.stderr.write.bind(target.stderr);
}
