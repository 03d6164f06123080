import { describe, expect, it } from "vitest";
import { fakeContainer } from "./__fixtures__/fake-docker.js";
import { ExitCodeUnknownError } from "./errors/exec.js";
import { runExec } from "./run-exec.js";
import type { RawExecResult } from "./run-exec.js";

/** The collected text of a run, or a failure naming what went wrong. */
function textOf(result: RawExecResult): { stdout: string; stderr: string; output: string } {
  if (result.collected.kind !== "text") throw new Error(`expected text, got ${result.collected.kind}`);
  return result.collected;
}

describe("runExec", () => {
  it("collects stdout and stderr, combined stderr first, and the exit code", async () => {
    const { container, demuxer } = fakeContainer([
      {
        frames: [
          { stream: "stdout", data: "one\n" },
          { stream: "stderr", data: "two\n" },
          { stream: "stdout", data: "three\n" },
        ],
        exitCode: 3,
      },
    ]);
    const result = await runExec(container, demuxer, { argv: ["x"] });
    expect(result.collected).toEqual({ kind: "text", stdout: "one\nthree\n", stderr: "two\n", output: "two\none\nthree\n" });
    expect(result.exitCode).toBe(3);
  });

  it("reads the exit code only after both halves ended, including output flushed after the stream ended", async () => {
    const { container, demuxer, log } = fakeContainer([
      {
        frames: [{ stream: "stdout", data: "early\n" }],
        flushedAtEnd: [
          { stream: "stdout", data: "late out\n" },
          { stream: "stderr", data: "late err\n" },
        ],
        exitCode: 7,
      },
    ]);
    const result = await runExec(container, demuxer, { argv: ["x"] });
    expect(textOf(result)).toMatchObject({ stdout: "early\nlate out\n", stderr: "late err\n" });
    expect(result.exitCode).toBe(7);
    expect(log.inspectedAfterEnd).toEqual([true]);
  });

  it("polls while the engine still reports the exec as running or without an exit code", async () => {
    const { container, demuxer, log } = fakeContainer([
      {
        inspections: [
          { Running: true, ExitCode: null },
          { Running: false, ExitCode: null },
          { Running: false, ExitCode: 255 },
        ],
      },
    ]);
    const result = await runExec(container, demuxer, { argv: ["x"] }, [0, 1, 1, 1]);
    expect(result.exitCode).toBe(255);
    expect(log.inspectedAfterEnd).toEqual([true, true, true]);
  });

  it("throws ExitCodeUnknownError when no exit code is ever recorded", async () => {
    const { container, demuxer } = fakeContainer([{ inspections: [{ Running: true, ExitCode: null }] }]);
    await expect(runExec(container, demuxer, { argv: ["sleep", "1"] }, [0, 1])).rejects.toBeInstanceOf(ExitCodeUnknownError);
  });

  it("creates the exec without a tty, with env, user and working directory", async () => {
    const { container, demuxer, log } = fakeContainer([{}]);
    await runExec(container, demuxer, { argv: ["id", "-u"], env: { A: "1", B: "x=y" }, user: "nobody", workdir: "/tmp" });
    expect(log.created).toEqual([
      {
        Cmd: ["id", "-u"],
        AttachStdin: false,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        Env: ["A=1", "B=x=y"],
        User: "nobody",
        WorkingDir: "/tmp",
      },
    ]);
  });

  it("reports output that is not UTF-8 with its stream and offset, after the command ended", async () => {
    const bytes = Buffer.from([0x61, 0xff, 0x00, 0xc3]);
    const { container, demuxer, log } = fakeContainer([{ frames: [{ stream: "stderr", data: bytes }], exitCode: 4 }]);
    const result = await runExec(container, demuxer, { argv: ["x"] });
    expect(result).toEqual({ collected: { kind: "invalid-utf8", stream: "stderr", offset: 1 }, exitCode: 4 });
    expect(log.inspectedAfterEnd).toEqual([true]);
  });

  it("lets go of a command that prints past its limit at once, without waiting for it to end", async () => {
    const { container, demuxer, log } = fakeContainer([
      { frames: [{ stream: "stdout", data: "x".repeat(600) }, { stream: "stdout", data: "x".repeat(600) }], hang: true },
    ]);
    const result = await runExec(container, demuxer, { argv: ["yes"], maxOutputBytes: 1000 });
    expect(result).toEqual({ collected: { kind: "too-large", limitBytes: 1000 }, exitCode: undefined });
    expect(log.inspectedAfterEnd).toEqual([]);
  });
});
