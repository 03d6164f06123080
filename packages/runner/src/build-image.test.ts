import { rmSync } from "node:fs";
import { join } from "node:path";
import Dockerode from "dockerode";
import { describe, expect, it, vi } from "vitest";
import { makeFolder, readTar } from "./__fixtures__/context-folder.js";
import { fakeBuildDocker } from "./__fixtures__/fake-build-docker.js";
import { httpError, systemError } from "./__fixtures__/fake-docker.js";
import { buildImage } from "./build-image.js";
import { InvalidReferenceError } from "@imgs/reference";
import { BuildAbortedError, BuildContextInvalidError, BuildFailedError } from "./errors/build.js";
import { EngineUnreachableError } from "./errors/engine.js";

const BASE = "imgs.localhost/busybox:latest";
const TAGS = ["imgs.localhost/test/a:1", "imgs.localhost/test/a:latest"];
const ID = "sha256:afa84b761be8fb1658c6c8a6a1134b84f09336847f8f79b8ff4cfbd32fc8de0d";

const steps = (...lines: string[]): object[] => lines.map((line) => ({ stream: `${line}\n` }));
const SUCCESS = [
  ...steps("Step 1/2 : FROM imgs.localhost/busybox:latest", " ---> 5c758ecb093e", "Step 2/2 : RUN echo hi", "hi", " ---> afa84b761be8"),
  { aux: { ID } },
  ...steps("Successfully built afa84b761be8"),
];

describe("buildImage", () => {
  it("sends the context and a classic build that never pulls and always removes its containers, and returns the aux id", async () => {
    using folder = makeFolder({ Dockerfile: `FROM ${BASE}\nRUN echo hi\n`, "a.txt": "a" });
    const { docker, calls } = fakeBuildDocker({ messages: SUCCESS, chunkBytes: 10 });
    const onOutput = vi.fn();
    const result = await buildImage({ context: folder.dir, tags: TAGS, buildArgs: { X: "1" }, labels: { l: "v" }, onOutput, docker });
    expect(calls.requests).toEqual([
      { t: TAGS, dockerfile: "Dockerfile", buildargs: { X: "1" }, labels: { l: "v" }, pull: false, rm: true, forcerm: true, version: "1" },
    ]);
    expect([...readTar(calls.archives[0] ?? Buffer.alloc(0)).keys()]).toEqual(["Dockerfile", "a.txt"]);
    expect(calls.inspected).toEqual([BASE]);
    expect(result).toEqual({ id: ID, tags: TAGS, output: expect.stringContaining("Step 2/2 : RUN echo hi\nhi\n") as unknown });
    expect(onOutput.mock.calls.map(([line]) => line as string)).toEqual(result.output.split("\n"));
  });

  it("inspects the first tag for the id when the engine sends no aux message", async () => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const { docker, calls } = fakeBuildDocker({ messages: steps("Step 1/1 : FROM scratch", "Successfully built 0123456789ab"), imageId: ID });
    expect((await buildImage({ context: folder.dir, tags: TAGS, docker })).id).toBe(ID);
    expect(calls.inspected).toEqual([TAGS[0]]);
  });

  it("throws BuildFailedError with the tags, Dockerfile, engine message, exit code and last 20 lines of output", async () => {
    using folder = makeFolder({ Dockerfile: `FROM ${BASE}\nRUN exit 3\n` });
    const output = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const message = "The command '/bin/sh -c exit 3' returned a non-zero code: 3";
    const { docker } = fakeBuildDocker({ messages: [...steps("Step 2/2 : RUN exit 3", ...output), { errorDetail: { code: 3, message }, error: message }] });
    const error: unknown = await buildImage({ context: folder.dir, tags: TAGS, docker }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildFailedError);
    expect(error).toMatchObject({
      code: "BUILD_FAILED",
      tags: TAGS,
      dockerfile: `${folder.dir}/Dockerfile`,
      reason: message,
      exitCode: 3,
      step: "Step 2/2 : RUN exit 3",
      missingImage: undefined,
    });
    const text = (error as BuildFailedError).message;
    expect(text).toContain(`building ${TAGS.join(", ")} from ${folder.dir}/Dockerfile failed: ${message}; last output:\nline 11\n`);
    expect(text).not.toContain("line 10\n");
    expect(text.endsWith("line 30")).toBe(true);
    expect((error as BuildFailedError).output.split("\n")).toHaveLength(31);
  });

  it("refuses a base image that is not local before sending anything, since the engine would try to pull it", async () => {
    using folder = makeFolder({ Dockerfile: "ARG TAG=1\nFROM imgs.localhost/absent:${TAG}\n" });
    const { docker, calls } = fakeBuildDocker({ missing: ["imgs.localhost/absent:2"] });
    const attempt = buildImage({ context: folder.dir, tags: TAGS, buildArgs: { TAG: "2" }, docker });
    await expect(attempt).rejects.toBeInstanceOf(BuildFailedError);
    await expect(attempt).rejects.toMatchObject({ missingImage: "imgs.localhost/absent:2", step: "FROM imgs.localhost/absent:${TAG}" });
    await expect(attempt).rejects.toThrow("base image imgs.localhost/absent:2 is not in the local Docker engine (imgs never pulls");
    expect(calls.requests).toEqual([]);
  });

  it("says the base image is not local when the engine fails a FROM it could not resolve beforehand", async () => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const pullError = 'Get "https://imgs.localhost/v2/": dial tcp: lookup imgs.localhost: no such host';
    const { docker } = fakeBuildDocker({ messages: [...steps("Step 1/2 : FROM imgs.localhost/absent:1 AS base"), { error: pullError }] });
    const attempt = buildImage({ context: folder.dir, tags: TAGS, docker });
    await expect(attempt).rejects.toMatchObject({ name: "BuildFailedError", missingImage: "imgs.localhost/absent:1" });
    await expect(attempt).rejects.toThrow(
      `base image imgs.localhost/absent:1 is not in the local Docker engine (imgs never pulls; build or load it first); the engine said: ${pullError}`,
    );
  });

  it("throws BuildFailedError with the engine's message when it refuses the build outright", async () => {
    using folder = makeFolder({ Dockerfile: "FORM x\n" });
    const { docker } = fakeBuildDocker({ requestError: httpError(400, "dockerfile parse error line 1: unknown instruction: FORM") });
    await expect(buildImage({ context: folder.dir, tags: TAGS, docker })).rejects.toMatchObject({
      name: "BuildFailedError",
      reason: "dockerfile parse error line 1: unknown instruction: FORM",
    });
  });

  it("throws BuildFailedError when the stream ends with neither an error nor an image", async () => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const { docker } = fakeBuildDocker({ messages: steps("Step 1/2 : FROM scratch") });
    await expect(buildImage({ context: folder.dir, tags: TAGS, docker })).rejects.toMatchObject({
      name: "BuildFailedError",
      reason: "the engine ended the build without an error and without an image",
    });
  });

  it.each([
    ["a missing context", { context: "/nonexistent/imgs-test/context" }, BuildContextInvalidError],
    ["an invalid tag", { tags: ["Not/Valid"] }, InvalidReferenceError],
  ])("refuses %s without asking the engine", async (_case, more, errorClass) => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const { docker, calls } = fakeBuildDocker();
    await expect(buildImage({ context: folder.dir, tags: TAGS, docker, ...more })).rejects.toBeInstanceOf(errorClass);
    expect(calls).toMatchObject({ requests: [], inspected: [] });
  });

  it("throws BuildContextInvalidError and closes the request when a file cannot be packed", async () => {
    using folder = makeFolder({ Dockerfile: `FROM ${BASE}\n`, "gone.txt": "" });
    // The base image check runs after the context is listed and before it is packed.
    const { docker } = fakeBuildDocker({ onInspect: () => rmSync(join(folder.dir, "gone.txt")) });
    const attempt = buildImage({ context: folder.dir, tags: TAGS, docker });
    await expect(attempt).rejects.toBeInstanceOf(BuildContextInvalidError);
    await expect(attempt).rejects.toThrow(/cannot pack the context: ENOENT.*gone\.txt/);
  });

  it("throws EngineUnreachableError naming the endpoint when the socket does not exist", async () => {
    using folder = makeFolder({ Dockerfile: `FROM ${BASE}\n` });
    const docker = new Dockerode({ socketPath: "/nonexistent/imgs-test/docker.sock" });
    const attempt = buildImage({ context: folder.dir, tags: TAGS, docker });
    await expect(attempt).rejects.toBeInstanceOf(EngineUnreachableError);
    await expect(attempt).rejects.toMatchObject({ endpoint: "unix:///nonexistent/imgs-test/docker.sock", reason: "ENOENT" });
  });

  it("maps a connection refused by the build request itself to EngineUnreachableError", async () => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const { docker } = fakeBuildDocker({ requestError: systemError("ECONNREFUSED") });
    await expect(buildImage({ context: folder.dir, tags: TAGS, docker })).rejects.toBeInstanceOf(EngineUnreachableError);
  });

  it("stops waiting, closes the stream and throws BuildAbortedError when the signal aborts mid-build", async () => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const { docker, calls } = fakeBuildDocker({ messages: steps("Step 1/2 : RUN sleep 60"), hang: true });
    const controller = new AbortController();
    const attempt = buildImage({ context: folder.dir, tags: TAGS, docker, signal: controller.signal, onOutput: () => controller.abort() });
    await expect(attempt).rejects.toBeInstanceOf(BuildAbortedError);
    await expect(attempt).rejects.toMatchObject({ code: "BUILD_ABORTED", tags: TAGS });
    expect(calls.destroyed).toBe(true);
  });

  it("throws BuildAbortedError at once for a signal that has already aborted", async () => {
    const { docker, calls } = fakeBuildDocker();
    await expect(buildImage({ context: "/nonexistent", tags: TAGS, docker, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(BuildAbortedError);
    expect(calls.inspected).toEqual([]);
  });

  it("closes the stream and passes on the error when onOutput throws", async () => {
    using folder = makeFolder({ Dockerfile: "FROM scratch\n" });
    const { docker, calls } = fakeBuildDocker({ messages: steps("Step 1/2 : RUN sleep 60"), hang: true });
    const boom = new Error("the terminal went away");
    const onOutput = (): never => {
      throw boom;
    };
    await expect(buildImage({ context: folder.dir, tags: TAGS, docker, onOutput })).rejects.toBe(boom);
    expect(calls.destroyed).toBe(true);
  });
});
