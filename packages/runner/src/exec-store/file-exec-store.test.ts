import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ExecResult } from "../types.js";
import { createFileExecStore } from "./file-exec-store.js";

const dirs: string[] = [];
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "imgs-exec-store-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const result = (stdout: string): ExecResult => ({ command: ["echo"], stdout, stderr: "", output: stdout, exitCode: 0 });

describe("createFileExecStore", () => {
  it("gives back what was stored under a key, across store instances, and nothing for another key", async () => {
    const dir = folder();
    await createFileExecStore({ dir, now: () => new Date() }).set("k1", result("one"));
    const store = createFileExecStore({ dir, now: () => new Date() });
    expect(await store.get("k1")).toEqual(result("one"));
    expect(await store.get("k2")).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("dates a read with the clock it was given, not the process's", async () => {
    const dir = folder();
    const at = new Date("2031-05-06T07:08:09Z");
    const store = createFileExecStore({ dir, now: () => at });
    await store.set("k1", result("one"));
    await store.get("k1");
    const [file = ""] = readdirSync(dir);
    expect(statSync(join(dir, file)).mtime.toISOString()).toBe(at.toISOString());
  });

  it("treats a damaged file or one holding another key as a miss", async () => {
    const dir = folder();
    const store = createFileExecStore({ dir, now: () => new Date() });
    await store.set("k1", result("one"));
    const [file = ""] = readdirSync(dir);
    writeFileSync(join(dir, file), '{"key":"k1","result":');
    expect(await store.get("k1")).toBeUndefined();
    writeFileSync(join(dir, file), JSON.stringify({ key: "other", result: result("x") }));
    expect(await store.get("k1")).toBeUndefined();
  });

  it("keeps within maxBytes by removing the least recently used results first", async () => {
    const dir = folder();
    const big = "x".repeat(1000);
    const store = createFileExecStore({ dir, maxBytes: 4500, now: () => new Date() });
    await store.set("a", result(big));
    await store.set("b", result(big));
    // a was used last (read after b was written): b goes when c needs the room.
    const old = new Date(Date.now() - 60_000);
    for (const f of readdirSync(dir)) utimesSync(join(dir, f), old, old);
    expect(await store.get("a")).toBeDefined();
    await store.set("c", result(big));
    expect([await store.get("a"), await store.get("b"), await store.get("c")].map((r) => r !== undefined)).toEqual([true, false, true]);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("throws ExecStoreError naming the folder when it cannot write", async () => {
    const dir = folder();
    writeFileSync(join(dir, "file"), "");
    const store = createFileExecStore({ dir: join(dir, "file", "sub"), now: () => new Date() });
    await expect(store.set("k", result("x"))).rejects.toMatchObject({ code: "EXEC_STORE", operation: "write" });
  });
});
