import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { OutputClosedError, ProcessExitCalledError, UncaughtExceptionError, UnhandledRejectionError } from "./errors.js";
import { consoleToStderr, watchFaults, whereOf, type FaultProcess } from "./process-faults.js";

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

describe("consoleToStderr", () => {
  it("sends console.log, info, table and dir to stderr", () => {
    let written = "";
    const stderr = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const target = { ...console };
    consoleToStderr(target, stderr);
    target.log("from a config");
    target.info("info");
    target.dir({ a: 1 });
    expect(written).toBe("from a config\ninfo\n{ a: 1 }\n");
  });
});
