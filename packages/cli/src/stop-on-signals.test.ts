import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { stopOnSignals, type SignalProcess } from "./stop-on-signals.js";

/** A process whose signals are emitted by the test and whose exits are recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  let stderr = "";
  const target: SignalProcess = {
    on: (name, listener) => emitter.on(name, listener),
    off: (name, listener) => emitter.off(name, listener),
    exit: (code: number) => {
      exits.push(code);
      return undefined as never;
    },
    stderr: { write: (text: string) => void (stderr += text) },
  };
  return { target, emitter, exits, stderr: () => stderr };
}

describe("stopOnSignals", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("aborts on %s, says so, and gives the status %d without exiting", (name, status) => {
    const { target, emitter, exits, stderr } = fakeProcess();
    const stop = stopOnSignals(target);
    expect(stop.signal.aborted).toBe(false);
    emitter.emit(name);
    expect(stop.signal.aborted).toBe(true);
    expect(stop.exitCode).toBe(status);
    expect(exits).toEqual([]);
    expect(stderr()).toBe(`imgs: ${name}: stopping, removing this run's containers (again to exit at once)\n`);
  });

  it("exits at once on a second signal, with that signal's status", () => {
    const { target, emitter, exits, stderr } = fakeProcess();
    stopOnSignals(target);
    emitter.emit("SIGINT");
    emitter.emit("SIGTERM");
    expect(exits).toEqual([143]);
    expect(stderr()).toContain("imgs: SIGTERM again: exiting now; containers of this run may be left (imgs cleanup removes them)\n");
  });

  it("stops listening once done", () => {
    const { target, emitter } = fakeProcess();
    const stop = stopOnSignals(target);
    stop.done();
    expect(emitter.listenerCount("SIGINT") + emitter.listenerCount("SIGTERM") + emitter.listenerCount("SIGHUP")).toBe(0);
  });
});
