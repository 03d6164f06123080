import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createSignalCleanup } from "./signal-cleanup.js";
import type { CleanupSignal, LiveContainer, SignalTarget } from "./signal-cleanup.js";

/** A process stand-in: an emitter whose kill() records the signal instead of dying. */
class FakeProcess extends EventEmitter implements SignalTarget {
  readonly pid = 4242;
  readonly kills: [number, CleanupSignal][] = [];
  kill(pid: number, signal: CleanupSignal): boolean {
    this.kills.push([pid, signal]);
    return true;
  }
}

/** A container whose removal resolves when the test says so. */
function liveContainer(id: string): LiveContainer & { removals: number; finish(): void } {
  let finish = (): void => undefined;
  const container = {
    id,
    removals: 0,
    finish: () => finish(),
    remove() {
      container.removals += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    },
  };
  return container;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("createSignalCleanup", () => {
  it("installs one SIGINT and one SIGTERM handler on first registration only", () => {
    const proc = new FakeProcess();
    const cleanup = createSignalCleanup(proc);
    expect(proc.listenerCount("SIGINT")).toBe(0);
    cleanup.register(liveContainer("a"));
    cleanup.register(liveContainer("b"));
    expect(proc.listenerCount("SIGINT")).toBe(1);
    expect(proc.listenerCount("SIGTERM")).toBe(1);
    expect(cleanup.size).toBe(2);
  });

  it.each(["SIGINT", "SIGTERM"] as const)("on %s removes live containers, then removes its handlers and raises the signal again", async (signal) => {
    const proc = new FakeProcess();
    const cleanup = createSignalCleanup(proc);
    const a = liveContainer("a");
    const b = liveContainer("b");
    cleanup.register(a);
    cleanup.register(b);
    proc.emit(signal);
    expect([a.removals, b.removals]).toEqual([1, 1]);
    await settle();
    // Not raised again while a removal is still going on.
    expect(proc.kills).toEqual([]);
    a.finish();
    b.finish();
    await settle();
    expect(proc.kills).toEqual([[4242, signal]]);
    expect(proc.listenerCount("SIGINT")).toBe(0);
    expect(proc.listenerCount("SIGTERM")).toBe(0);
  });

  it("does not remove containers that were unregistered (closed)", async () => {
    const proc = new FakeProcess();
    const cleanup = createSignalCleanup(proc);
    const closed = liveContainer("closed");
    const open = liveContainer("open");
    const forget = cleanup.register(closed);
    cleanup.register(open);
    forget();
    expect(cleanup.size).toBe(1);
    proc.emit("SIGTERM");
    open.finish();
    await settle();
    expect(closed.removals).toBe(0);
    expect(open.removals).toBe(1);
  });

  it("raises the signal even when a removal fails", async () => {
    const proc = new FakeProcess();
    const cleanup = createSignalCleanup(proc);
    cleanup.register({ id: "x", remove: () => Promise.reject(new Error("engine gone")) });
    proc.emit("SIGINT");
    await settle();
    expect(proc.kills).toEqual([[4242, "SIGINT"]]);
  });

  it("raises at once on a second signal during the removals", () => {
    const proc = new FakeProcess();
    const cleanup = createSignalCleanup(proc);
    cleanup.register(liveContainer("slow"));
    proc.emit("SIGINT");
    proc.emit("SIGINT");
    expect(proc.kills).toEqual([[4242, "SIGINT"]]);
    expect(proc.listenerCount("SIGINT")).toBe(0);
  });

  it("leaves the signal to the program's own listeners when it has some", async () => {
    const proc = new FakeProcess();
    const seen: string[] = [];
    proc.on("SIGINT", () => seen.push("app"));
    const cleanup = createSignalCleanup(proc);
    const container = liveContainer("a");
    cleanup.register(container);
    proc.emit("SIGINT");
    container.finish();
    await settle();
    expect(seen).toEqual(["app"]);
    expect(proc.kills).toEqual([]);
    expect(proc.listenerCount("SIGINT")).toBe(1);
    // The process lives on, so a later session is protected again.
    cleanup.register(liveContainer("b"));
    expect(proc.listenerCount("SIGINT")).toBe(2);
  });
});
