import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeSession } from "@imgs/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { withExecCache } from "../exec-cache.js";
import { cachedSession, execCacheKey, type CachedExecEvent, type EngineFacts } from "./cached-session.js";
import { createFileExecStore, type ExecStore } from "./file-exec-store.js";

const ENGINE: EngineFacts = { kernelVersion: "6.1.0-18-amd64", architecture: "x86_64", cpus: 2 };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const store = (): ExecStore => {
  const dir = mkdtempSync(join(tmpdir(), "imgs-cached-session-"));
  dirs.push(dir);
  return createFileExecStore({ dir, now: () => new Date() });
};

function run(shared: ExecStore, overrides: { imageId?: string; engine?: EngineFacts } = {}) {
  const container = fakeSession({ "python --version": { stdout: "Python 3.12.4\n" }, "false": { exitCode: 1 } });
  let opens = 0;
  const events: CachedExecEvent[] = [];
  const session = cachedSession({
    open: () => {
      opens++;
      return Promise.resolve(container);
    },
    image: "r/o/i:latest",
    imageId: overrides.imageId ?? "sha256:aaa",
    engine: overrides.engine ?? ENGINE,
    store: shared,
    onExec: (e) => events.push(e),
  });
  return { session, container, events, opens: () => opens };
}

describe("cachedSession", () => {
  it("starts no container on a second run of the same image, and says the result came from the cache", async () => {
    const shared = store();
    const first = run(shared);
    expect((await first.session.exec("python --version")).stdout).toBe("Python 3.12.4\n");
    await first.session.close();
    expect([first.opens(), first.container.closed, first.events]).toEqual([1, true, [{ command: ["python", "--version"], cached: false }]]);
    const second = run(shared);
    expect((await second.session.exec(["python", "--version"])).stdout).toBe("Python 3.12.4\n");
    await second.session.close();
    expect([second.opens(), second.container.calls, second.events]).toEqual([0, [], [{ command: ["python", "--version"], cached: true }]]);
  });

  it("runs again for another image id or other engine facts, and never stores a failure", async () => {
    const shared = store();
    await run(shared).session.exec("python --version");
    for (const other of [{ imageId: "sha256:bbb" }, { engine: { ...ENGINE, cpus: 4 } }, { engine: { ...ENGINE, kernelVersion: "6.8.0" } }]) {
      const again = run(shared, other);
      await again.session.exec("python --version");
      expect(again.opens()).toBe(1);
    }
    const failing = run(shared);
    expect((await failing.session.exec("false")).exitCode).toBe(1);
    const retried = run(shared);
    await retried.session.exec("false");
    expect(retried.container.calls).toEqual(["false"]);
  });

  it("has the container's id once it started, also seen through withExecCache", async () => {
    const first = run(store());
    const wrapped = withExecCache(first.session);
    expect(wrapped.id).toBe("");
    await wrapped.exec("python --version");
    expect(wrapped.id).toBe(first.container.id);
  });

  it("opens the container once for concurrent misses", async () => {
    const first = run(store());
    await Promise.all([first.session.exec("python --version"), first.session.exec("false")]);
    expect(first.opens()).toBe(1);
  });
});

describe("execCacheKey", () => {
  it("is the same for env given in another order and differs by user, env and workdir", () => {
    const key = (options = {}) => execCacheKey("sha256:aaa", ENGINE, ["id"], options);
    expect(key({ env: { A: "1", B: "2" } })).toBe(key({ env: { B: "2", A: "1" } }));
    expect(new Set([key(), key({ user: "root" }), key({ env: { A: "1" } }), key({ workdir: "/tmp" })]).size).toBe(4);
    expect(key({ timeoutMs: 5 })).toBe(key());
  });
});
