import { describe, expect, it } from "vitest";
import { testEngine, BUSYBOX, containerExists, containerLabelsOf } from "@imgs/test-utils";
import { ImageNotFoundError } from "./errors/engine.js";
import { ExecTimeoutError, ProgramNotFoundError, SessionClosedError } from "./errors/exec.js";
import { startContainer } from "./start-container.js";

describe("startContainer", () => {
  it("starts a running container that `await using` removes", async () => {
    let id = "";
    {
      await using session = await startContainer({ ...testEngine(), image: BUSYBOX });
      id = session.id;
      expect(await containerExists(id)).toBe(true);
      expect(session.image).toBe(BUSYBOX);
      expect((await session.exec("echo up")).stdout).toBe("up\n");
    }
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await containerExists(id)).toBe(false);
  });

  it("removes the container when close() runs in finally after the body throws", async () => {
    const session = await startContainer({ ...testEngine(), image: BUSYBOX });
    const body = async (): Promise<void> => {
      try {
        await session.exec("true");
        throw new Error("the body failed");
      } finally {
        await session.close();
      }
    };
    await expect(body()).rejects.toThrow("the body failed");
    expect(await containerExists(session.id)).toBe(false);
    await expect(session.close()).resolves.toBeUndefined();
  });

  it("labels the container with the caller's labels, dev.imgs.managed and its keep-alive", async () => {
    const { docker, labels: runLabels } = testEngine();
    await using session = await startContainer({ docker, image: BUSYBOX, labels: { ...runLabels, "dev.imgs.purpose": "test" } });
    const labels = await containerLabelsOf(session.id);
    const runLabel = /dev\.imgs\.test-run=([\w-]+)/.exec(process.env.IMGS_CONTAINER_LABELS ?? "")?.[1];
    expect(runLabel).toBeDefined();
    expect(labels).toMatchObject({ "dev.imgs.purpose": "test", "dev.imgs.managed": "true", "dev.imgs.test-run": runLabel, "dev.imgs.keep-alive": "watch" });
  });

  it("throws ImageNotFoundError naming a missing image and leaves no container", async () => {
    const image = "imgs.localhost/does-not-exist:never";
    const attempt = startContainer({ ...testEngine(), image });
    await expect(attempt).rejects.toBeInstanceOf(ImageNotFoundError);
    await expect(attempt).rejects.toThrow(`image ${image} does not exist in the local Docker engine`);
  });

  it("throws ProgramNotFoundError when the container's command does not exist, and removes the container", async () => {
    const error: unknown = await startContainer({ ...testEngine(), image: BUSYBOX, command: ["no-such-program"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProgramNotFoundError);
    const { containerId, program, image } = error as ProgramNotFoundError;
    expect({ program, image }).toEqual({ program: "no-such-program", image: BUSYBOX });
    expect(containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(await containerExists(containerId)).toBe(false);
  });

  it("removes the container when a command times out, and closes the session", async () => {
    const session = await startContainer({ ...testEngine(), image: BUSYBOX });
    const attempt = session.exec(["sleep", "30"], { timeoutMs: 500 });
    await expect(attempt).rejects.toBeInstanceOf(ExecTimeoutError);
    await expect(attempt).rejects.toMatchObject({ command: ["sleep", "30"], timeoutMs: 500, image: BUSYBOX });
    expect(await containerExists(session.id)).toBe(false);
    await expect(session.exec("true")).rejects.toBeInstanceOf(SessionClosedError);
  });
});
