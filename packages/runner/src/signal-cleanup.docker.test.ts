import { BUSYBOX, containerIds, removeContainers } from "@imgs/test-utils";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("./__fixtures__/sleep-in-session.ts", import.meta.url));
// tsx is installed at the workspace root; `--import tsx` resolves from the working directory.
const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Poll until `check` returns a value, for at most `ms`. */
async function waitFor<T>(what: string, ms: number, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let waited = 0; waited < ms; waited += 100) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what} after ${ms} ms`);
}

/** Start the fixture in a child process, its container marked with a label of this case. */
function startChild() {
  const caseLabel = `dev.imgs.test-case=${randomUUID()}`;
  const labels = [process.env.IMGS_CONTAINER_LABELS, caseLabel].filter(Boolean).join(",");
  const child = spawn(process.execPath, ["--import", "tsx", fixture, BUSYBOX], {
    cwd: root,
    env: { ...process.env, IMGS_CONTAINER_LABELS: labels },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, caseLabel };
}

describe("signal cleanup in a real process", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("removes the container and dies by %s when the process gets it", async (signal) => {
    const { child, caseLabel } = startChild();
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, exitSignal) => resolve({ code, signal: exitSignal })),
    );
    try {
      // The session exists once the child says so; the engine must show its container running.
      const id = await waitFor(`the child to start a session (stderr: ${stderr})`, 30_000, () => /started ([0-9a-f]{64})/.exec(stdout)?.[1]);
      await waitFor("the container to run", 10_000, async () => ((await containerIds(`label=${caseLabel}`, "status=running")).includes(id) ? true : undefined));
      child.kill(signal);
      const { code, signal: exitSignal } = await exited;
      const status = exitSignal ?? code;
      expect([signal, { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }[signal]]).toContain(status);
      expect(await containerIds(`label=${caseLabel}`)).toEqual([]);
    } finally {
      // Only does something when the test failed half way.
      child.kill("SIGKILL");
      await removeContainers(await containerIds(`label=${caseLabel}`));
    }
  });

  it("after SIGKILL, the container ends and goes by itself: its keep-alive watched the killed process", async () => {
    const { child, caseLabel } = startChild();
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      const id = await waitFor("the child to start a session", 30_000, () => /started ([0-9a-f]{64})/.exec(stdout)?.[1]);
      expect(await containerIds(`label=${caseLabel}`, "label=dev.imgs.keep-alive=watch", "status=running")).toEqual([id]);
      child.kill("SIGKILL");
      await exited;
      // No handler ran: the engine noticed the closed attach, `cat` ended, and AutoRemove removed it.
      await waitFor("the container to go", 20_000, async () => ((await containerIds(`label=${caseLabel}`)).length === 0 ? true : undefined));
    } finally {
      child.kill("SIGKILL");
      await removeContainers(await containerIds(`label=${caseLabel}`));
    }
  });
});
