import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine, BUSYBOX } from "@imgs/test-utils";
import { OutputNotUtf8Error, ProgramNotFoundError } from "./errors/exec.js";
import { shell } from "./split-command.js";
import { startContainer } from "./start-container.js";
import type { ContainerSession } from "./types.js";

describe("ContainerSession.exec on a real engine", () => {
  let session: ContainerSession;
  beforeAll(async () => {
    session = await startContainer({ ...testEngine(), image: BUSYBOX });
  });
  afterAll(async () => {
    await session.close();
  });

  it("runs an argv, a string split like a shell, and a real shell", async () => {
    expect((await session.exec(["echo", "a  b", "c"])).stdout).toBe("a  b c\n");
    expect((await session.exec(`echo 'a  b' "c  d" e\\ f`)).stdout).toBe("a  b c  d e f\n");
    expect((await session.exec(shell("echo $HOME | tr / :"))).stdout).toBe(":root\n");
  });

  it("separates stdout from stderr; output is stderr then stdout, each whole", async () => {
    const result = await session.exec(shell("echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2"));
    expect(result).toEqual({
      command: ["/bin/sh", "-c", "echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2"],
      stdout: "out1\nout2\n",
      stderr: "err1\n",
      output: "err1\nout1\nout2\n",
      exitCode: 0,
    });
  });

  it.each(["echo err >&2; echo out", "echo out; echo err >&2"])("gives the same output every run although the streams' frames race (%s)", async (script) => {
    // Writes a microsecond apart: the engine delivers them in either order (docker-py sees both).
    const outputs = new Set<string>();
    for (let run = 0; run < 20; run += 1) outputs.add((await session.exec(shell(script))).output);
    expect([...outputs]).toEqual(["err\nout\n"]);
  });

  it.each([0, 3, 255])("returns exit code %i", async (code) => {
    expect((await session.exec(shell(`exit ${code}`))).exitCode).toBe(code);
  });

  it("passes env, user and working directory", async () => {
    const result = await session.exec(shell('echo "$GREETING"; id -u; pwd'), { env: { GREETING: "hi there" }, user: "nobody", workdir: "/tmp" });
    expect(result.stdout).toBe("hi there\n65534\n/tmp\n");
  });

  it("decodes UTF-8 output", async () => {
    expect((await session.exec(["printf", "%s", "é€😀"])).stdout).toBe("é€😀");
  });

  it.each([
    [["printf", "\\377"], "stdout", 0],
    [shell("printf 'ok\\377' >&2"), "stderr", 2],
  ])("throws OutputNotUtf8Error for invalid bytes from %j", async (command, stream, offset) => {
    const attempt = session.exec(command);
    await expect(attempt).rejects.toBeInstanceOf(OutputNotUtf8Error);
    await expect(attempt).rejects.toMatchObject({ code: "OUTPUT_NOT_UTF8", stream, offset, image: BUSYBOX });
  });

  it("returns several megabytes of output intact, on both streams", async () => {
    const lines = (n: number): string => Array.from({ length: n }, (_, i) => `${i + 1}\n`).join("");
    const result = await session.exec(shell("seq 1 400000; seq 1 200000 >&2"));
    expect(result.stdout.length).toBeGreaterThan(2_500_000);
    expect(result.stdout === lines(400_000)).toBe(true);
    expect(result.stderr === lines(200_000)).toBe(true);
    expect(result.output.length).toBe(result.stdout.length + result.stderr.length);
  });

  it("throws ProgramNotFoundError naming the program and the image", async () => {
    const attempt = session.exec("no-such-program --version");
    await expect(attempt).rejects.toBeInstanceOf(ProgramNotFoundError);
    await expect(attempt).rejects.toMatchObject({ program: "no-such-program", image: BUSYBOX, containerId: session.id });
    await expect(session.exec(["/opt/missing/tool"])).rejects.toMatchObject({ code: "PROGRAM_NOT_FOUND", program: "/opt/missing/tool" });
  });

  it("returns a shell's own 'not found' as an ordinary result", async () => {
    const result = await session.exec(shell("no-such-program"));
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toMatch(/not found/);
  });

  it("runs independent commands concurrently in one container", async () => {
    const results = await Promise.all(["a", "b", "c", "d"].map((word) => session.exec(["echo", word])));
    expect(results.map((r) => r.stdout)).toEqual(["a\n", "b\n", "c\n", "d\n"]);
  });
});
