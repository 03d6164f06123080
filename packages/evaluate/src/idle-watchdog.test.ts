import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { idleWatchdog } from "./idle-watchdog.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("idleWatchdog", () => {
  it("fails pending work with DeadlineExceededError once nothing ran for the limit", async () => {
    const watchdog = idleWatchdog(1000);
    const never = watchdog.bound(new Promise<string>(() => undefined), 'tagger "never"');
    const caught = never.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    await vi.advanceTimersByTimeAsync(1);
    expect(await caught).toMatchObject({ code: "DEADLINE_EXCEEDED", what: 'tagger "never"', timeoutMs: 1000 });
  });

  it("does not fail while a tracked command runs, however long, and restarts the count after it", async () => {
    const watchdog = idleWatchdog(1000);
    let finishCommand: () => void = () => undefined;
    const command = watchdog.track(new Promise<void>((resolve) => (finishCommand = resolve)));
    let settled = false;
    const work = watchdog.bound(command.then(() => new Promise<string>(() => undefined)), "manifest");
    work.catch(() => (settled = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    finishCommand();
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it("lets work that settles in time through, and never fires after stop", async () => {
    const watchdog = idleWatchdog(1000);
    await expect(watchdog.bound(Promise.resolve("x"), "t")).resolves.toBe("x");
    watchdog.stop();
    const late = watchdog.bound(new Promise<string>(() => undefined), "t");
    let settled = false;
    late.catch(() => (settled = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe(false);
  });
});
