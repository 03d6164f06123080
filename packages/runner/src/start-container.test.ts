import Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { fakeContainer, fakeDocker, httpError, systemError } from "./__fixtures__/fake-docker.js";
import { InvalidReferenceError } from "@imgs/reference";
import { EngineUnreachableError, ImageNotFoundError } from "./errors/engine.js";
import { BadCommandError, ProgramNotFoundError } from "./errors/exec.js";
import { createContainerRegistry } from "./session/container-registry.js";
import { ContainerStoppedError } from "./errors/session.js";
import { openSession, startContainer } from "./start-container.js";
import type { OpenSessionOptions } from "./start-container.js";

const IMAGE = "imgs.localhost/busybox:latest";
const ENDPOINT = "unix:///var/run/docker.sock";

const fakeCleanup = createContainerRegistry;

const options = (more: Partial<OpenSessionOptions> = {}): OpenSessionOptions => ({
  image: IMAGE,
  command: ["sleep", "infinity"],
  labels: { "dev.imgs.managed": "true" },
  endpoint: ENDPOINT,
  cleanup: undefined,
  ...more,
});

describe("openSession", () => {
  it("creates the container with the caller's command and labels, starts it, and tracks it in the registry", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer);
    const cleanup = fakeCleanup();
    const session = await openSession(docker, options({ cleanup, labels: { a: "1" } }));
    expect(docker.created).toEqual([
      expect.objectContaining({
        Image: IMAGE,
        Cmd: ["sleep", "infinity"],
        Labels: { a: "1", "dev.imgs.managed": "true", "dev.imgs.keep-alive": "command" },
        Tty: false,
        OpenStdin: false,
      }),
    ]);
    expect(log.calls).toEqual(["start"]);
    expect(session).toMatchObject({ id: container.id, image: IMAGE });
    expect(cleanup.size).toBe(1);
    await session.close();
    expect(cleanup.size).toBe(0);
  });

  it("by default runs `cat` on a stdin it attaches to before the start, auto-removed, and lets go of it after removal", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer);
    const session = await openSession(docker, options({ command: undefined }));
    expect(docker.created).toEqual([
      expect.objectContaining({
        Cmd: ["cat"],
        OpenStdin: true,
        StdinOnce: true,
        HostConfig: { AutoRemove: true },
        Labels: expect.objectContaining({ "dev.imgs.keep-alive": "watch" }) as unknown,
      }),
    ]);
    expect(log.calls).toEqual(["attach", "start"]);
    const [attached] = log.attached;
    expect(attached?.destroyed).toBe(false);
    await session.close();
    expect(log.calls).toEqual(["attach", "start", "remove"]);
    expect(attached?.destroyed).toBe(true);
  });

  it("falls back to docker-stacks' `sleep infinity` for an image without `cat`", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const missingCat = 'OCI runtime create failed: runc create failed: unable to start container process: exec: "cat": executable file not found in $PATH: unknown';
    let starts = 0;
    const failing = { ...container, start: () => (++starts === 1 ? Promise.reject(httpError(400, missingCat)) : Promise.resolve()) };
    const docker = fakeDocker(failing, demuxer);
    const session = await openSession(docker, options({ command: undefined }));
    expect(docker.created.map((c) => [c.Cmd, c.Labels?.["dev.imgs.keep-alive"], c.OpenStdin])).toEqual([
      [["cat"], "watch", true],
      [["sleep", "infinity"], "sleep", false],
    ]);
    expect(log.removed).toBe(1);
    await session.close();
  });

  it("says the image's entrypoint ended the container at once, with what it printed, when the watch ended before any command", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const gone = { ...container, exec: () => Promise.reject(httpError(409, "Container abc is not running")) };
    const session = await openSession(fakeDocker(gone, demuxer), options({ command: undefined }));
    log.attached[0]?.end({ stream: "stderr", data: "start.sh: cannot set up the user\n" });
    await new Promise((resolve) => setImmediate(resolve));
    const attempt = session.exec("true");
    await expect(attempt).rejects.toBeInstanceOf(ContainerStoppedError);
    await expect(attempt).rejects.toThrow(
      /ended before its first command could run: its main process \("cat", run by the image's entrypoint\) ended at once; the image's entrypoint must run the command it is given \(a shell entrypoint ends with `exec "\$@"`\); the main process printed:\nstart\.sh: cannot set up the user/,
    );
    await session.close();
  });

  it("says the container stopped or was removed from outside when it went away after commands ran", async () => {
    const { container, demuxer, log } = fakeContainer([{ exitCode: 0 }]);
    let execs = 0;
    const goneLater = { ...container, exec: (options: never) => (++execs === 1 ? container.exec(options) : Promise.reject(httpError(409, "Container abc is not running"))) };
    const session = await openSession(fakeDocker(goneLater, demuxer), options({ command: undefined }));
    await session.exec("true");
    log.attached[0]?.end({ stream: "stdout", data: "" });
    await new Promise((resolve) => setImmediate(resolve));
    const attempt = session.exec("true");
    await expect(attempt).rejects.toThrow(/is not running any more: its main process \("cat", run by the image's entrypoint\) ended, or it was stopped or removed from outside/);
    await session.close();
  });

  it("removes a container whose create was in flight when the registry stopped, and says the run is stopping", async () => {
    const { container, demuxer, log } = fakeContainer([]);
    const cleanup = fakeCleanup();
    let finishCreate = (): void => undefined;
    const slow = { ...fakeDocker(container, demuxer), createContainer: () => new Promise<typeof container>((resolve) => (finishCreate = () => resolve(container))) };
    const opening = openSession(slow, options({ cleanup }));
    const stopping = cleanup.stop();
    finishCreate();
    await expect(opening).rejects.toMatchObject({ code: "RUN_STOPPING", image: IMAGE });
    expect(await stopping).toEqual([]);
    expect(log.removed).toBe(1);
    expect(cleanup.size).toBe(0);
  });

  it("refuses to create a container once the registry stops", async () => {
    const { container, demuxer } = fakeContainer([]);
    const docker = fakeDocker(container, demuxer);
    const cleanup = fakeCleanup();
    await cleanup.stop();
    await expect(openSession(docker, options({ cleanup }))).rejects.toMatchObject({ code: "RUN_STOPPING" });
    expect(docker.created).toEqual([]);
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
    const attempt = startContainer({ image: IMAGE, docker });
    await expect(attempt).rejects.toBeInstanceOf(EngineUnreachableError);
    await expect(attempt).rejects.toMatchObject({ endpoint: "unix:///nonexistent/imgs-test/docker.sock", reason: "ENOENT" });
    await expect(attempt).rejects.toThrow(/; is dockerd running\? \(`systemctl start docker`, or check DOCKER_HOST and the docker context\)$/);
  });
});
