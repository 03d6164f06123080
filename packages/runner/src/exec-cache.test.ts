import { describe, expect, it } from "vitest";
import { withExecCache } from "./exec-cache.js";
import { toArgv } from "./split-command.js";
import type { Command, ContainerSession, ExecOptions, ExecResult } from "./types.js";

/** A session that counts its execs and answers after a tick; "fail" rejects. */
function countingSession(): ContainerSession & { calls: string[]; closes: number } {
  const session = {
    id: "c".repeat(64),
    image: "img",
    calls: [] as string[],
    closes: 0,
    async exec(command: Command, options?: ExecOptions): Promise<ExecResult> {
      const argv = toArgv(command);
      session.calls.push(JSON.stringify([argv, options ?? {}]));
      await new Promise((resolve) => setImmediate(resolve));
      if (argv[0] === "fail") throw new Error(`failed ${session.calls.length}`);
      return { command: argv, stdout: `out ${session.calls.length}`, stderr: "", output: `out ${session.calls.length}`, exitCode: 0 };
    },
    close() {
      session.closes += 1;
      return Promise.resolve();
    },
    [Symbol.asyncDispose]() {
      return session.close();
    },
  };
  return session;
}

describe("withExecCache", () => {
  it("runs an identical command once, for sequential and concurrent callers", async () => {
    const session = countingSession();
    const cached = withExecCache(session);
    const [a, b] = await Promise.all([cached.exec("python --version"), cached.exec(["python", "--version"])]);
    const c = await cached.exec("python  --version");
    expect(session.calls).toHaveLength(1);
    expect([a.stdout, b.stdout, c.stdout]).toEqual(["out 1", "out 1", "out 1"]);
  });

  it("runs commands with different argv or options separately", async () => {
    const session = countingSession();
    const cached = withExecCache(session);
    await cached.exec("id");
    await cached.exec("id -u");
    await cached.exec("id", { user: "nobody" });
    await cached.exec("id", { env: { A: "1", B: "2" } });
    await cached.exec("id", { env: { B: "2", A: "1" } });
    await cached.exec("id", { workdir: "/tmp" });
    await cached.exec("id", { timeoutMs: 1000 });
    expect(session.calls).toHaveLength(6);
  });

  it("caches failures too", async () => {
    const session = countingSession();
    const cached = withExecCache(session);
    await expect(cached.exec("fail now")).rejects.toThrow("failed 1");
    await expect(cached.exec("fail now")).rejects.toThrow("failed 1");
    expect(session.calls).toHaveLength(1);
  });

  it("rejects a bad command without running or caching anything", async () => {
    const session = countingSession();
    const cached = withExecCache(session);
    await expect(cached.exec("echo 'x")).rejects.toMatchObject({ code: "BAD_COMMAND" });
    expect(session.calls).toHaveLength(0);
  });

  it("keeps the session's identity and closes it", async () => {
    const session = countingSession();
    {
      await using cached = withExecCache(session);
      expect(cached.id).toBe(session.id);
      expect(cached.image).toBe("img");
    }
    expect(session.closes).toBe(1);
  });
});
