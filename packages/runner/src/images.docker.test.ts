import { BUSYBOX } from "@imgs/test-utils";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ImageNotFoundError } from "./errors/engine.js";
import { inspectImage, listImages, removeImage, tagImage } from "./images.js";

const unique = randomUUID().slice(0, 8);
const REPOSITORY = "imgs.localhost/runner-test";
const TAG = `${REPOSITORY}:${unique}`;
const REGISTRY_TAG = `127.0.0.1:5000/imgs-test/busybox:${unique}`;

describe("image helpers on a real engine", () => {
  afterAll(async () => {
    for (const tag of [TAG, REGISTRY_TAG]) {
      await removeImage(tag).catch((error: unknown) => {
        if (!(error instanceof ImageNotFoundError)) throw error;
      });
    }
  });

  it("tags, lists, inspects and removes an image", async () => {
    const busybox = await inspectImage(BUSYBOX);
    await tagImage(BUSYBOX, TAG);

    const listed = await listImages({ repository: REPOSITORY });
    expect(listed.map((row) => row.repoTags)).toContainEqual(expect.arrayContaining([TAG]));
    expect(listed.every((row) => row.repoTags.some((name) => name.startsWith(`${REPOSITORY}:`)))).toBe(true);
    expect(listed.find((row) => row.repoTags.includes(TAG))).toMatchObject({ id: busybox.id, size: busybox.size });

    const info = await inspectImage(TAG);
    expect(info.id).toBe(busybox.id);
    expect(info.size).toBeGreaterThan(0);
    expect(info.env).toContainEqual(expect.stringMatching(/^PATH=/));
    expect(info.repoTags).toContain(TAG);
    expect(info.labels).toMatchObject({ "dev.imgs.base-image": "true" });
    expect(info.os).toBe("linux");
    expect(Number.isNaN(Date.parse(info.created))).toBe(false);

    await removeImage(TAG);
    await expect(inspectImage(TAG)).rejects.toBeInstanceOf(ImageNotFoundError);
    expect((await inspectImage(BUSYBOX)).id).toBe(busybox.id);
  });

  it("keeps a registry port in the repository when tagging", async () => {
    await tagImage(BUSYBOX, REGISTRY_TAG);
    expect((await inspectImage(REGISTRY_TAG)).repoTags).toContain(REGISTRY_TAG);
    expect((await listImages({ repository: "127.0.0.1:5000/imgs-test/busybox" })).flatMap((row) => row.repoTags)).toContain(REGISTRY_TAG);
    await removeImage(REGISTRY_TAG);
  });

  it.each([
    ["inspectImage", () => inspectImage("imgs.localhost/does-not-exist:never")],
    ["tagImage", () => tagImage("imgs.localhost/does-not-exist:never", `${REPOSITORY}:x${unique}`)],
    ["removeImage", () => removeImage("imgs.localhost/does-not-exist:never")],
  ])("%s throws ImageNotFoundError naming a missing image", async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ name: "ImageNotFoundError", image: "imgs.localhost/does-not-exist:never" });
  });
});
