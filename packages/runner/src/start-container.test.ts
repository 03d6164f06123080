import { EventEmitter } from "node:events";
import Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { fakeContainer, fakeDocker, httpError, systemError } from "./__fixtures__/fake-docker.js";
import { InvalidReferenceError } from "@imgs/reference";
import { EngineUnreachableError, ImageNotFoundError } from "./errors/engine.js";
import { BadCommandError, ProgramNotFoundError } from "./errors/exec.js";
import { createSignalCleanup } from "./signal-cleanup.js";
import type { CleanupSignal } from "./signal-cleanup.js";
import { openSession, startContainer } from "./start-container.js";
import type { OpenSessionOptions } from "./start-container.js";

const IMAGE = "imgs.localhost/busybox:latest";
const ENDPOINT = "unix:///var/run/docker.sock";

function fakeCleanup() {
  const proc = Object.assign(new EventEmitter(), { pid: 1, kill: (_pid: number, _signal: CleanupSignal) => true });
  return createSignalCleanup(proc);
}

const options = (more: Partial<OpenSessionOptions> = {}): OpenSessionOptions => ({
  image: IMAGE,
  command: ["sleep", "infinity"],
  labels: { "dev.imgs.managed": "true" },
  endpoint: ENDPOINT,
  cleanup: undefined,
  ...more,
});

describe("openSession", () => {
  it("creates the container with the command and labels, starts it, and registers it for signals", async () => {
    const { container, demuxer } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer);
    const cleanup = fakeCleanup();
    const session = await openSession(docker, options({ cleanup, labels: { a: "1" } }));
    expect(docker.created).toEqual([expect.objectContaining({ Image: IMAGE, Cmd: ["sleep", "infinity"], Labels: { a: "1" }, Tty: false })]);
    expect(session).toMatchObject({ id: container.id, image: IMAGE });
    expect(cleanup.size).toBe(1);
    await session.close();
    expect(cleanup.size).toBe(0);
  });

  it("throws ImageNotFoundError naming the image when the engine has no such image", async () => {
    const { container, demuxer } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer, httpError(404, `No such image: ${IMAGE}`));
    const attempt = openSession(docker, options());
    await expect(attempt).rejects.toBeInstanceOf(ImageNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: "IMAGE_NOT_FOUND", image: IMAGE });
  });

  it("throws EngineUnreachableError naming the endpoint when the socket refuses", async () => {
    const { container, demuxer } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer, systemError("ECONNREFUSED"));
    const attempt = openSession(docker, options());
    await expect(attempt).rejects.toBeInstanceOf(EngineUnreachableError);
    await expect(attempt).rejects.toMatchObject({ endpoint: ENDPOINT, reason: "ECONNREFUSED" });
  });

  it("removes the container and throws ProgramNotFoundError when the command does not exist", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const message = 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sleep": executable file not found in $PATH: unknown';
    const failing = { ...container, start: () => Promise.reject(httpError(400, message)) };
    const cleanup = fakeCleanup();
    const attempt = openSession(fakeDocker(failing, demuxer), options({ cleanup }));
    await expect(attempt).rejects.toBeInstanceOf(ProgramNotFoundError);
    await expect(attempt).rejects.toMatchObject({ program: "sleep", image: IMAGE, containerId: container.id });
    expect(log.removed).toBe(1);
    expect(cleanup.size).toBe(0);
  });

  it("removes the container before any other start error propagates", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const boom = httpError(500, "cannot start: cgroup trouble");
    const failing = { ...container, start: () => Promise.reject(boom) };
    await expect(openSession(fakeDocker(failing, demuxer), options())).rejects.toBe(boom);
    expect(log.removed).toBe(1);
  });

  it.each([
    [options({ image: " " }), InvalidReferenceError],
    [options({ command: [] }), BadCommandError],
  ])("refuses a bad image or command without calling the engine", async (bad, errorClass) => {
    const { container, demuxer } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer);
    await expect(openSession(docker, bad)).rejects.toBeInstanceOf(errorClass);
    expect(docker.created).toEqual([]);
  });
});

describe("startContainer", () => {
  it("throws EngineUnreachableError naming the endpoint when the socket does not exist", async () => {
    const docker = new Dockerode({ socketPath: "/nonexistent/imgs-test/docker.sock" });
    const attempt = startContainer({ image: IMAGE, docker, handleSignals: false });
    await expect(attempt).rejects.toBeInstanceOf(EngineUnreachableError);
    await expect(attempt).rejects.toMatchObject({ endpoint: "unix:///nonexistent/imgs-test/docker.sock", reason: "ENOENT" });
    await expect(attempt).rejects.toThrow(/bash scripts\/engine\.sh/);
  });
});
