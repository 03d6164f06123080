import { describe, expect, it } from "vitest";
import { fakeContainer, httpError, systemError } from "./__fixtures__/fake-docker.js";
import type { FakeExecScript } from "./__fixtures__/fake-docker.js";
import { DockerContainerSession } from "./docker-session.js";
import type { SessionContainer } from "./docker-session.js";
import { ContainerNotRunningError, EngineUnreachableError } from "./errors/engine.js";
import { BadCommandError, ExecTimeoutError, ProgramNotFoundError, SessionClosedError } from "./errors/exec.js";
import { MAX_OUTPUT_BYTES } from "./decode-exec-output.js";
import { explainDisposal } from "./session/disposal.js";
import { ContainerNotRemovedError, DisposalFailedError } from "./errors/session.js";

const IMAGE = "imgs.localhost/busybox:latest";
const NOT_FOUND = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "python": executable file not found in $PATH: unknown\r\n';

function session(scripts: FakeExecScript[], patch: Partial<SessionContainer> = {}) {
  const fake = fakeContainer(scripts);
  const container = { ...fake.container, ...patch };
  return { ...fake, session: new DockerContainerSession(container, fake.demuxer, { image: IMAGE, endpoint: "tcp://h:2375", cleanup: undefined }) };
}

describe("DockerContainerSession.exec", () => {
  it("returns the decoded output and exit code of an argv or a string", async () => {
    const { session: s, log } = session([
      { frames: [{ stream: "stdout", data: "a b\n" }], exitCode: 0 },
      { frames: [{ stream: "stderr", data: "oops\n" }], exitCode: 3 },
    ]);
    expect(await s.exec(["echo", "a b"])).toEqual({ command: ["echo", "a b"], stdout: "a b\n", stderr: "", output: "a b\n", exitCode: 0 });
    expect(await s.exec("sh -c 'exit 3'")).toMatchObject({ command: ["sh", "-c", "exit 3"], stderr: "oops\n", exitCode: 3 });
    expect(log.created.map((c) => c.Cmd)).toEqual([["echo", "a b"], ["sh", "-c", "exit 3"]]);
  });

  it.each([126, 127])("throws ProgramNotFoundError naming the program and image for Docker's message with exit %i", async (exitCode) => {
    const { session: s } = session([{ frames: [{ stream: "stdout", data: NOT_FOUND }], exitCode }]);
    const attempt = s.exec("python --version");
    await expect(attempt).rejects.toBeInstanceOf(ProgramNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: "PROGRAM_NOT_FOUND", program: "python", image: IMAGE, command: ["python", "--version"] });
  });

  it("returns a program's own exit 127 as a result", async () => {
    const { session: s } = session([{ frames: [{ stream: "stderr", data: "sh: nope: not found\n" }], exitCode: 127 }]);
    expect(await s.exec(["sh", "-c", "nope"])).toMatchObject({ exitCode: 127 });
  });

  it("removes the container and throws ExecTimeoutError when a command runs too long; the session is then closed", async () => {
    const { session: s, log } = session([{ hang: true }]);
    const attempt = s.exec(["sleep", "30"], { timeoutMs: 20 });
    await expect(attempt).rejects.toBeInstanceOf(ExecTimeoutError);
    await expect(attempt).rejects.toMatchObject({ code: "EXEC_TIMEOUT", timeoutMs: 20, image: IMAGE, command: ["sleep", "30"] });
    expect(log.removed).toBe(1);
    await expect(s.exec("true")).rejects.toBeInstanceOf(SessionClosedError);
  });

  it("says the session closed when close() ends a running command", async () => {
    const { session: s } = session([{ hang: true, exitCode: 137 }]);
    const attempt = s.exec(["sleep", "30"]);
    await new Promise((resolve) => setImmediate(resolve));
    await s.close();
    await expect(attempt).rejects.toBeInstanceOf(SessionClosedError);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses timeoutMs %s", async (timeoutMs) => {
    const { session: s, log } = session([]);
    await expect(s.exec("true", { timeoutMs })).rejects.toBeInstanceOf(BadCommandError);
    expect(log.created).toEqual([]);
  });

  it.each([
    [httpError(409, "Container abc is not running"), ContainerNotRunningError],
    [httpError(404, "No such container: abc"), ContainerNotRunningError],
    [systemError("ECONNREFUSED"), EngineUnreachableError],
  ])("maps an exec create failure %s", async (error, errorClass) => {
    const { session: s } = session([], { exec: () => Promise.reject(error) });
    await expect(s.exec("true")).rejects.toBeInstanceOf(errorClass);
  });
});

describe("DockerContainerSession.close", () => {
  it("removes the container once however often it is called, and disposing calls it", async () => {
    const { session: s, log } = session([]);
    await Promise.all([s.close(), s.close()]);
    await s[Symbol.asyncDispose]();
    expect(log.removed).toBe(1);
    await expect(s.exec("true")).rejects.toBeInstanceOf(SessionClosedError);
  });

  it.each([httpError(404, "No such container: abc"), httpError(409, "removal of container abc is already in progress")])(
    "tolerates %s",
    async (error) => {
      const { session: s } = session([], { remove: () => Promise.reject(error) });
      await expect(s.close()).resolves.toBeUndefined();
    },
  );

  it("reports a failed removal and tries again on the next close", async () => {
    let attempts = 0;
    const { session: s } = session([], {
      remove: () => (++attempts === 1 ? Promise.reject(systemError("ECONNREFUSED")) : Promise.resolve()),
    });
    const failed = s.close();
    await expect(failed).rejects.toBeInstanceOf(ContainerNotRemovedError);
    await expect(failed).rejects.toMatchObject({ containerId: s.id, endpoint: "tcp://h:2375", cause: expect.any(EngineUnreachableError) as unknown });
    await expect(failed).rejects.toThrow(
      /^container c0ffee000000 of image imgs\.localhost\/busybox:latest may be left on the engine at tcp:\/\/h:2375: removing it failed \(cannot reach the Docker engine at tcp:\/\/h:2375 \(ECONNREFUSED\)\); remove it with `docker rm -f c0ffee000000` or `imgs cleanup`/,
    );
    await expect(s.close()).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });
});

describe("explainDisposal", () => {
  it("turns the SuppressedError of `await using` into a message that says what failed, then which container may be left", async () => {
    const { container, demuxer } = fakeContainer([]);
    const lost = {
      ...container,
      exec: () => Promise.reject(systemError("ECONNREFUSED")),
      remove: () => Promise.reject(systemError("ECONNREFUSED")),
    };
    const block = async (): Promise<void> => {
      await using s = new DockerContainerSession(lost, demuxer, { image: IMAGE, endpoint: "tcp://h:2375", cleanup: undefined });
      await s.exec("python --version");
    };
    const thrown = await block().catch((error: unknown) => error);
    expect((thrown as Error).message).toBe("An error was suppressed during disposal");
    const explained = explainDisposal(thrown);
    expect(explained).toBeInstanceOf(DisposalFailedError);
    expect(explained).toMatchObject({ code: "DISPOSAL_FAILED", category: "failure", error: expect.any(EngineUnreachableError) as unknown });
    const [firstLine] = (explained as Error).message.split("\n");
    expect(firstLine).toMatch(/^cannot reach the Docker engine at tcp:\/\/h:2375 \(ECONNREFUSED\); .*; then container c0ffee000000 of image imgs\.localhost\/busybox:latest may be left/);
    expect(explainDisposal(explained)).toBe(explained);
  });
});

describe("DockerContainerSession output limits", () => {
  it("throws OutputTooLargeError naming the limit, and refuses limits it cannot honour", async () => {
    const { session: s, log } = session([{ frames: [{ stream: "stdout", data: "x".repeat(64) }], hang: true }]);
    await expect(s.exec("yes", { maxOutputBytes: 32 })).rejects.toThrow('command "yes" in image imgs.localhost/busybox:latest printed more than 32 bytes');
    for (const maxOutputBytes of [0, 1.5, MAX_OUTPUT_BYTES + 1]) {
      await expect(s.exec("yes", { maxOutputBytes })).rejects.toBeInstanceOf(BadCommandError);
    }
    expect(log.created).toHaveLength(1);
  });
});
