import { BUSYBOX, processDocker } from "@imgs/test-utils";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ImageNotFoundError } from "./errors/engine.js";
import { inspectImage, listImages, removeImage, tagImage } from "./images.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

const unique = randomUUID().slice(0, 8);
const REPOSITORY = "imgs.localhost/runner-test";
const TAG = `${REPOSITORY}:${unique}`;
const REGISTRY_TAG = `127.0.0.1:5000/imgs-test/busybox:${unique}`;

describe("image helpers on a real engine", () => {
  afterAll(async () => {
    for (const tag of [TAG, REGISTRY_TAG]) {
      await removeImage(tag, engine).catch((error: unknown) => {
        if (!(error instanceof ImageNotFoundError)) throw error;
      });
    }
  });

  it("tags, lists, inspects and removes an image", async () => {
    const busybox = await inspectImage(BUSYBOX, engine);
    await tagImage(BUSYBOX, TAG, engine);

    const listed = await listImages({ ...engine, repository: REPOSITORY });
    expect(listed.map((row) => row.repoTags)).toContainEqual(expect.arrayContaining([TAG]));
    expect(listed.every((row) => row.repoTags.some((name) => name.startsWith(`${REPOSITORY}:`)))).toBe(true);
    expect(listed.find((row) => row.repoTags.includes(TAG))).toMatchObject({ id: busybox.id, size: busybox.size });

    const info = await inspectImage(TAG, engine);
    expect(info.id).toBe(busybox.id);
    expect(info.size).toBeGreaterThan(0);
    expect(info.env).toContainEqual(expect.stringMatching(/^PATH=/));
    expect(info.repoTags).toContain(TAG);
    expect(info.labels).toMatchObject({ "dev.imgs.base-image": "true" });
    expect(info.os).toBe("linux");
    expect(Number.isNaN(Date.parse(info.created))).toBe(false);

    await removeImage(TAG, engine);
    await expect(inspectImage(TAG, engine)).rejects.toBeInstanceOf(ImageNotFoundError);
    expect((await inspectImage(BUSYBOX, engine)).id).toBe(busybox.id);
  });

  it("keeps a registry port in the repository when tagging", async () => {
    await tagImage(BUSYBOX, REGISTRY_TAG, engine);
    expect((await inspectImage(REGISTRY_TAG, engine)).repoTags).toContain(REGISTRY_TAG);
    expect((await listImages({ ...engine, repository: "127.0.0.1:5000/imgs-test/busybox" })).flatMap((row) => row.repoTags)).toContain(REGISTRY_TAG);
    await removeImage(REGISTRY_TAG, engine);
  });

  it.each([
    ["inspectImage", () => inspectImage("imgs.localhost/does-not-exist:never", engine)],
    ["tagImage", () => tagImage("imgs.localhost/does-not-exist:never", `${REPOSITORY}:x${unique}`, engine)],
    ["removeImage", () => removeImage("imgs.localhost/does-not-exist:never", engine)],
  ])("%s throws ImageNotFoundError naming a missing image", async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ name: "ImageNotFoundError", image: "imgs.localhost/does-not-exist:never" });
  });
});
