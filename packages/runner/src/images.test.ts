import type Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { httpError, systemError } from "./__fixtures__/fake-docker.js";
import { InvalidReferenceError } from "@imgs/reference";
import { EngineUnreachableError, ImageInUseError, ImageNotFoundError } from "./errors/engine.js";
import { inspectImage, listImages, removeImage, tagImage } from "./images.js";

interface FakeImageCalls {
  tagged: unknown[];
  removed: unknown[];
  listed: unknown[];
}

/** A dockerode stand-in for the image routes; `fail` makes every call reject with it. */
function fakeImages(fail?: Error) {
  const calls: FakeImageCalls = { tagged: [], removed: [], listed: [] };
  const answer = <T>(value: T): Promise<T> => (fail === undefined ? Promise.resolve(value) : Promise.reject(fail));
  const docker = {
    modem: { socketPath: "/var/run/docker.sock" },
    getImage: (name: string) => ({
      inspect: () =>
        answer({
          Id: "sha256:abc",
          Size: 1234,
          Created: "2024-01-02T03:04:05.123456789Z",
          Config: { Env: ["PATH=/bin"], Labels: null, User: "" },
          RepoTags: [name],
          RepoDigests: null,
          Architecture: "amd64",
          Os: "linux",
        }),
      tag: (options: unknown) => answer(calls.tagged.push([name, options])),
      remove: (options: unknown) => answer(calls.removed.push([name, options])),
    }),
    listImages: (options: unknown) => {
      calls.listed.push(options);
      return answer([
        { Id: "sha256:1", RepoTags: ["a/b:1", "a/b:2"], RepoDigests: ["a/b@sha256:9"], Size: 10, Created: 1704164645 },
        { Id: "sha256:2", RepoTags: ["<none>:<none>"], RepoDigests: ["<none>@<none>"], Size: 20, Created: 0 },
      ]);
    },
  };
  return { docker: docker as unknown as Dockerode, calls };
}

describe("inspectImage", () => {
  it("returns what imgs reads of an image, with fallbacks for missing config fields", async () => {
    const { docker } = fakeImages();
    expect(await inspectImage("a/b:1", { docker })).toEqual({
      id: "sha256:abc",
      size: 1234,
      created: "2024-01-02T03:04:05.123456789Z",
      env: ["PATH=/bin"],
      labels: {},
      repoTags: ["a/b:1"],
      repoDigests: [],
      user: "",
      architecture: "amd64",
      os: "linux",
    });
  });

  it("throws ImageNotFoundError for a 404 and EngineUnreachableError for a refused socket", async () => {
    await expect(inspectImage("nope:1", { docker: fakeImages(httpError(404, "No such image: nope:1")).docker })).rejects.toMatchObject({
      name: "ImageNotFoundError",
      image: "nope:1",
    });
    await expect(inspectImage("a", { docker: fakeImages(systemError("ENOENT")).docker })).rejects.toMatchObject({
      name: "EngineUnreachableError",
      endpoint: "unix:///var/run/docker.sock",
    });
  });
});

describe("tagImage", () => {
  it("splits the target into repository and tag, keeping a registry port", async () => {
    const { docker, calls } = fakeImages();
    await tagImage("a/b:1", "127.0.0.1:5000/a/b:t", { docker });
    await tagImage("a/b:1", "a/c", { docker });
    expect(calls.tagged).toEqual([
      ["a/b:1", { repo: "127.0.0.1:5000/a/b", tag: "t" }],
      ["a/b:1", { repo: "a/c", tag: "latest" }],
    ]);
  });

  it("throws ImageNotFoundError for a missing source and InvalidReferenceError for a bad target", async () => {
    await expect(tagImage("nope", "a:b", { docker: fakeImages(httpError(404, "No such image: nope")).docker })).rejects.toBeInstanceOf(ImageNotFoundError);
    await expect(tagImage("a", "A:b", { docker: fakeImages().docker })).rejects.toBeInstanceOf(InvalidReferenceError);
  });
});

describe("removeImage", () => {
  it("removes without force unless asked", async () => {
    const { docker, calls } = fakeImages();
    await removeImage("a:1", { docker });
    await removeImage("a:2", { docker, force: true });
    expect(calls.removed).toEqual([
      ["a:1", { force: false }],
      ["a:2", { force: true }],
    ]);
  });

  it.each([
    [httpError(404, "No such image: a:1"), ImageNotFoundError],
    [httpError(409, "conflict: unable to remove repository reference"), ImageInUseError],
    [systemError("EACCES"), EngineUnreachableError],
  ])("maps %s", async (error, errorClass) => {
    await expect(removeImage("a:1", { docker: fakeImages(error).docker })).rejects.toBeInstanceOf(errorClass);
  });
});

describe("listImages", () => {
  it("filters by reference like `docker images REPO` and drops <none> placeholders", async () => {
    const { docker, calls } = fakeImages();
    const rows = await listImages({ docker, repository: "a/b" });
    expect(calls.listed).toEqual([{ filters: { reference: ["a/b"] } }]);
    expect(rows).toEqual([
      { id: "sha256:1", repoTags: ["a/b:1", "a/b:2"], repoDigests: ["a/b@sha256:9"], size: 10, created: "2024-01-02T03:04:05.000Z", labels: {} },
      { id: "sha256:2", repoTags: [], repoDigests: [], size: 20, created: "1970-01-01T00:00:00.000Z", labels: {} },
    ]);
    await listImages({ docker });
    expect(calls.listed[1]).toEqual({});
    await listImages({ docker, dangling: true, label: "dev.imgs.repository" });
    expect(calls.listed[2]).toEqual({ filters: { dangling: ["true"], label: ["dev.imgs.repository"] } });
  });
});
