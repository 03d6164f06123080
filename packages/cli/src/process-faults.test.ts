import { EventEmitter } from "node:events";
import { Console } from "node:console";
import { describe, expect, it } from "vitest";
import { OutputClosedError, ProcessExitCalledError, RunStalledError, UncaughtExceptionError, UnhandledRejectionError } from "./errors.js";
import { stdoutToStderr, watchFaults, whereOf, type FaultProcess } from "./process-faults.js";

/** A process with the events, streams and exit watchFaults touches; exits are recorded, not done. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const stream = () => Object.assign(new EventEmitter(), { written: "", write(text: string) { this.written += text; } });
  const exits: Array<number | string | null | undefined> = [];
  const target = {
    on: (event: string, listener: (error: unknown) => void) => emitter.on(event, listener),
    off: (event: string, listener: (error: unknown) => void) => emitter.off(event, listener),
    exit: ((code?: number | string | null) => {
      exits.push(code);
      return undefined as never;
    }) as FaultProcess["exit"],
    stdout: stream(),
    stderr: stream(),
  };
  return { target, emitter, exits };
}

describe("watchFaults", () => {
  it("turns an uncaught exception into an abort with UncaughtExceptionError naming where it was thrown", () => {
    const { target, emitter } = fakeProcess();
    const watch = watchFaults(target);
    const error = new Error("boom from a timer");
    error.stack = "Error: boom from a timer\n    at Timeout._onTimeout (file:///work/plugin.mjs:3:11)\n    at listOnTimeout (node:internal/timers:581:17)";
    emitter.emit("uncaughtException", error);
    expect(watch.signal.aborted).toBe(true);
    expect(watch.fault).toBeInstanceOf(UncaughtExceptionError);
    expect(watch.fault?.message).toBe("uncaught exception at file:///work/plugin.mjs:3:11: boom from a timer; the run was stopped");
    expect(watch.fault?.cause).toBe(error);
  });

  it("turns an unhandled rejection of a non-error into UnhandledRejectionError with its text", () => {
    const { target, emitter } = fakeProcess();
    const watch = watchFaults(target);
    emitter.emit("unhandledRejection", "just a string");
    expect(watch.fault).toBeInstanceOf(UnhandledRejectionError);
    expect(watch.fault?.message).toBe("unhandled promise rejection: just a string; the run was stopped");
  });

  it("replaces exit with a call that throws ProcessExitCalledError naming its caller, and keeps the real one", () => {
    const { target, exits } = fakeProcess();
    const watch = watchFaults(target);
    const callFromAPlugin = (): never => target.exit(3);
    expect(callFromAPlugin).toThrow(ProcessExitCalledError);
    expect(watch.fault?.message).toMatch(/^process\.exit\(3\) was called at (file:\/\/)?\/\S+process-faults\.test\.ts:\d+:\d+ during the run; imgs stopped the run instead/);
    expect(exits).toEqual([]);
    watch.exit(0);
    expect(exits).toEqual([0]);
    watch.done();
    target.exit(5);
    expect(exits).toEqual([0, 5]);
  });

  it("keeps the first fault: a second one neither replaces it nor aborts again", () => {
    const { target, emitter } = fakeProcess();
    const watch = watchFaults(target);
    emitter.emit("unhandledRejection", new Error("first"));
    emitter.emit("uncaughtException", new Error("second"));
    expect(watch.fault?.message).toMatch(/first/);
  });

  it("stops on EPIPE of stderr with the broken pipe's status, and drops writes to it from then on", async () => {
    const { target } = fakeProcess();
    const watch = watchFaults(target);
    watch.stderr.write("before\n");
    target.stderr.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    watch.stderr.write("after\n");
    watch.stdout.write("still open\n");
    expect(target.stderr.written).toBe("before\n");
    expect(target.stdout.written).toBe("still open\n");
    expect(watch.stderrOpen).toBe(false);
    const fault = await watch.faulted;
    expect(fault).toBeInstanceOf(OutputClosedError);
    expect(fault).toMatchObject({ stream: "stderr", brokenPipe: true, message: "stderr was closed (write EPIPE): imgs stopped, removing this run's containers" });
  });

  it("ignores the exception an already closed stream's write raises: its listener had it", () => {
    const { target, emitter } = fakeProcess();
    const watch = watchFaults(target);
    target.stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    emitter.emit("uncaughtException", Object.assign(new Error("write after destroy"), { code: "ERR_STREAM_DESTROYED" }));
    expect(watch.fault).toMatchObject({ stream: "stdout" });
  });
});

describe("watchFaults on a run that can never finish", () => {
  it("turns the event loop running dry while the run is pending into RunStalledError, and not after it settled", () => {
    const { target, emitter } = fakeProcess();
    const stalled = watchFaults(target);
    emitter.emit("beforeExit", 0);
    expect(stalled.fault).toBeInstanceOf(RunStalledError);
    expect(stalled.signal.aborted).toBe(true);

    const other = fakeProcess();
    const finished = watchFaults(other.target);
    finished.settled();
    other.emitter.emit("beforeExit", 0);
    expect(finished.fault).toBeUndefined();
  });
});

describe("whereOf", () => {
  it.each([
    ["    at file:///tmp/c.mjs:2:76", "file:///tmp/c.mjs:2:76"],
    ["    at rej (file:///tmp/c.mjs:2:76)", "file:///tmp/c.mjs:2:76"],
    ["    at Object.<anonymous> (/srv/plugin/index.js:10:3)", "/srv/plugin/index.js:10:3"],
  ])("finds the first file frame of %j", (frame, where) => {
    expect(whereOf(`Error: x\n    at node:internal/timers:1:1\n${frame}`)).toBe(where);
  });

  it("says nothing for a stack without a file frame", () => {
    expect(whereOf("Error: x\n    at node:internal/timers:1:1")).toBeUndefined();
    expect(whereOf(undefined)).toBeUndefined();
  });
});

describe("stdoutToStderr", () => {
  it("sends process.stdout.write and console.log to stderr, while the watch's stdout still reaches stdout", () => {
    const { target } = fakeProcess();
    const watch = watchFaults(target);
    stdoutToStderr(target);
    target.stdout.write("from a plugin\n");
    new Console({ stdout: target.stdout as unknown as NodeJS.WritableStream }).log("from console.log");
    watch.stdout.write('{"json": true}\n');
    expect(target.stderr.written).toBe("from a plugin\nfrom console.log\n");
    expect(target.stdout.written).toBe('{"json": true}\n');
  });
});
