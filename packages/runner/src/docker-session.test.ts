import { describe, expect, it } from "vitest";
import { fakeContainer, httpError, systemError } from "./__fixtures__/fake-docker.js";
import type { FakeExecScript } from "./__fixtures__/fake-docker.js";
import { DockerContainerSession } from "./docker-session.js";
import type { SessionContainer } from "./docker-session.js";
import { ContainerNotRunningError, EngineUnreachableError } from "./errors/engine.js";
import { BadCommandError, ExecTimeoutError, ProgramNotFoundError, SessionClosedError } from "./errors/exec.js";

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
    await expect(s.close()).rejects.toBeInstanceOf(EngineUnreachableError);
    await expect(s.close()).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });
});
