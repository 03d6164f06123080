import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createContainerRegistry } from "./session/container-registry.js";
import type { LiveContainer } from "./session/container-registry.js";
import { removeContainersOnSignals } from "./signal-cleanup.js";
import type { CleanupSignal, SignalTarget } from "./signal-cleanup.js";

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

describe("removeContainersOnSignals", () => {
  it("installs one handler for each of SIGINT, SIGTERM and SIGHUP, and uninstalls them", () => {
    const proc = new FakeProcess();
    const uninstall = removeContainersOnSignals(proc, createContainerRegistry());
    expect(["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => proc.listenerCount(signal))).toEqual([1, 1, 1]);
    uninstall();
    expect(["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => proc.listenerCount(signal))).toEqual([0, 0, 0]);
  });

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("on %s removes live containers, then removes its handlers and raises the signal again", async (signal) => {
    const proc = new FakeProcess();
    const registry = createContainerRegistry();
    removeContainersOnSignals(proc, registry);
    const a = liveContainer("a");
    const b = liveContainer("b");
    registry.add(a);
    registry.add(b);
    proc.emit(signal);
    await settle();
    expect([a.removals, b.removals]).toEqual([1, 1]);
    // Not raised again while a removal is still going on.
    expect(proc.kills).toEqual([]);
    a.finish();
    b.finish();
    await settle();
    expect(proc.kills).toEqual([[4242, signal]]);
    expect(proc.listenerCount(signal)).toBe(0);
    expect(registry.stopping).toBe(true);
  });

  it("waits for a container being created when the signal comes, and removes it too", async () => {
    const proc = new FakeProcess();
    const registry = createContainerRegistry();
    removeContainersOnSignals(proc, registry);
    let finishCreate = (): void => undefined;
    const late = liveContainer("late");
    const creating = registry.creating("img", () => new Promise<void>((resolve) => (finishCreate = resolve)).then(() => void registry.add(late)));
    proc.emit("SIGTERM");
    await settle();
    expect(late.removals).toBe(0);
    finishCreate();
    await creating;
    await settle();
    expect(late.removals).toBe(1);
    late.finish();
    await settle();
    expect(proc.kills).toEqual([[4242, "SIGTERM"]]);
    await expect(registry.creating("img", () => Promise.resolve())).rejects.toMatchObject({ code: "RUN_STOPPING", image: "img" });
  });

  it("does not remove containers that were forgotten (closed)", async () => {
    const proc = new FakeProcess();
    const registry = createContainerRegistry();
    removeContainersOnSignals(proc, registry);
    const closed = liveContainer("closed");
    const open = liveContainer("open");
    const forget = registry.add(closed);
    registry.add(open);
    forget();
    expect(registry.size).toBe(1);
    proc.emit("SIGTERM");
    await settle();
    open.finish();
    await settle();
    expect(closed.removals).toBe(0);
    expect(open.removals).toBe(1);
  });

  it("raises the signal even when a removal fails", async () => {
    const proc = new FakeProcess();
    const registry = createContainerRegistry();
    removeContainersOnSignals(proc, registry);
    registry.add({ id: "x", remove: () => Promise.reject(new Error("engine gone")) });
    proc.emit("SIGINT");
    await settle();
    expect(proc.kills).toEqual([[4242, "SIGINT"]]);
  });

  it("raises at once on a second signal during the removals", async () => {
    const proc = new FakeProcess();
    const registry = createContainerRegistry();
    removeContainersOnSignals(proc, registry);
    registry.add(liveContainer("slow"));
    proc.emit("SIGINT");
    await settle();
    proc.emit("SIGINT");
    expect(proc.kills).toEqual([[4242, "SIGINT"]]);
    expect(proc.listenerCount("SIGINT")).toBe(0);
  });

  it("leaves the signal to the program's own listeners when it has some", async () => {
    const proc = new FakeProcess();
    const seen: string[] = [];
    proc.on("SIGINT", () => seen.push("app"));
    const registry = createContainerRegistry();
    removeContainersOnSignals(proc, registry);
    const container = liveContainer("a");
    registry.add(container);
    proc.emit("SIGINT");
    await settle();
    container.finish();
    await settle();
    expect(seen).toEqual(["app"]);
    expect(proc.kills).toEqual([]);
    expect(proc.listenerCount("SIGINT")).toBe(1);
  });
});

describe("createContainerRegistry", () => {
  it("removes a container added after its stop finished at once", async () => {
    const registry = createContainerRegistry();
    expect(await registry.stop()).toEqual([]);
    const straggler = liveContainer("straggler");
    registry.add(straggler);
    expect(straggler.removals).toBe(1);
    expect(registry.size).toBe(0);
  });

  it("reports the containers it could not remove", async () => {
    const registry = createContainerRegistry();
    const error = new Error("engine gone");
    registry.add({ id: "x", remove: () => Promise.reject(error) });
    expect(await registry.stop()).toEqual([{ id: "x", error }]);
  });
});
