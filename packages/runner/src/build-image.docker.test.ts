import { randomUUID } from "node:crypto";
import { testEngine, BUSYBOX, containersRunning, removeContainers, processDocker } from "@imgs/test-utils";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { makeFolder } from "./__fixtures__/context-folder.js";
import { buildImage } from "./build-image.js";
import { BuildAbortedError, BuildFailedError } from "./errors/build.js";
import { ImageNotFoundError } from "./errors/engine.js";
import { inspectImage, removeImage } from "./images.js";
import { startContainer } from "./start-container.js";

/** The engine the image helpers are given (they read nothing from the process). */
const engine = { docker: processDocker().docker };

// In every RUN step, so that no build reuses another run's cache and each step's container can be found.
const unique = randomUUID().slice(0, 8);
const tags: string[] = [];
const tagged = (name: string): string => {
  const tag = `imgs.localhost/runner-build-test:${name}-${unique}`;
  tags.push(tag);
  return tag;
};

/**
 * Ids of the containers of RUN steps that mention `marker`, once the engine has had up to `ms` to
 * remove them; any found are removed, since the global teardown leaves build-step containers alone.
 */
async function leftContainers(marker: string, ms = 0): Promise<string[]> {
  for (const deadline = Date.now() + ms; (await containersRunning(marker)).length > 0 && Date.now() < deadline; ) await sleep(200);
  const left = await containersRunning(marker);
  await removeContainers(left);
  return left;
}

describe("buildImage on a real engine", () => {
  afterAll(async () => {
    for (const tag of tags) {
      await removeImage(tag, { ...engine, force: true }).catch((error: unknown) => {
        if (!(error instanceof ImageNotFoundError)) throw error;
      });
    }
  });

  it("builds a two-step Dockerfile into an image with every tag and label", async () => {
    using folder = makeFolder({ Dockerfile: `FROM ${BUSYBOX}\nRUN echo "built ${unique}" > /built\n` });
    const [main, alias] = [tagged("two-steps"), tagged("two-steps-alias")];
    const lines: string[] = [];
    const result = await buildImage({ ...engine, context: folder.dir, tags: [main, alias], labels: { "dev.imgs.test": "build" }, onOutput: (line) => lines.push(line) });

    expect(result.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.tags).toEqual([main, alias]);
    expect(lines).toEqual(result.output.split("\n"));
    expect(lines).toContain(`Step 1/3 : FROM ${BUSYBOX}`);
    expect(lines).toContain(`Successfully tagged ${alias}`);
    const info = await inspectImage(main, engine);
    expect(info).toMatchObject({ id: result.id, labels: expect.objectContaining({ "dev.imgs.test": "build" }) as unknown });
    expect(info.repoTags).toEqual(expect.arrayContaining([main, alias]));
    await using session = await startContainer({ ...testEngine(), image: main });
    expect((await session.exec("cat /built")).stdout).toBe(`built ${unique}\n`);
  });

  it("passes build args to RUN steps", async () => {
    using folder = makeFolder({ Dockerfile: `FROM ${BUSYBOX}\nARG GREETING=default\nRUN echo "greeting=$GREETING ${unique}"\n` });
    const { output } = await buildImage({ ...engine, context: folder.dir, tags: [tagged("build-args")], buildArgs: { GREETING: "hello there" } });
    expect(output.split("\n")).toContain(`greeting=hello there ${unique}`);
  });

  it("builds with a Dockerfile outside the context, which COPY . does not copy, honouring .dockerignore", async () => {
    using folder = makeFolder({
      "context/data.txt": "data",
      "context/ignored.txt": "no",
      "context/.dockerignore": "ignored.txt\n",
      "docker/Dockerfile": `FROM ${BUSYBOX}\nCOPY . /ctx\nRUN ls -A /ctx && echo "listed ${unique}"\n`,
    });
    const { output } = await buildImage({ ...engine, context: join(folder.dir, "context"), dockerfile: "../docker/Dockerfile", tags: [tagged("outside")] });
    const lines = output.split("\n");
    const listing = lines.slice(lines.findIndex((line) => line.startsWith(" ---> Running in")) + 1, lines.indexOf(`listed ${unique}`));
    expect(listing).toEqual([".dockerignore", "data.txt"]);
  });

  it("throws BuildFailedError with the failing step's output and leaves no container behind", async () => {
    const marker = `failing-${unique}`;
    using folder = makeFolder({ Dockerfile: `FROM ${BUSYBOX}\nRUN echo "${marker} says" && echo "${marker} on stderr" >&2 && exit 3\n` });
    const tag = tagged("failing");
    const error: unknown = await buildImage({ ...engine, context: folder.dir, tags: [tag] }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BuildFailedError);
    expect(error).toMatchObject({ code: "BUILD_FAILED", tags: [tag], dockerfile: join(folder.dir, "Dockerfile"), exitCode: 3 });
    const { message, step, output } = error as BuildFailedError;
    expect(step).toMatch(/^Step 2\/2 : RUN echo/);
    expect(message).toContain("returned a non-zero code: 3; last output:\n");
    // stdout and stderr reach the engine through separate pipes, so their order is not fixed.
    expect(output.split("\n")).toEqual(expect.arrayContaining([`${marker} says`, `${marker} on stderr`]));
    expect(message).toContain(`\n${marker} says`);
    expect(message).toContain(`\n${marker} on stderr`);
    // The step's container runs `/bin/sh -c <the RUN line>`, so the marker finds it; rm and forcerm must have removed it.
    expect(await leftContainers(marker)).toEqual([]);
    await expect(inspectImage(tag, engine)).rejects.toBeInstanceOf(ImageNotFoundError);
  });

  it("throws BuildFailedError saying a base image is not local, without pulling it", async () => {
    using folder = makeFolder({ Dockerfile: "FROM imgs.localhost/does-not-exist:never\nRUN true\n" });
    const attempt = buildImage({ ...engine, context: folder.dir, tags: [tagged("not-local")] });
    await expect(attempt).rejects.toMatchObject({ name: "BuildFailedError", missingImage: "imgs.localhost/does-not-exist:never" });
    await expect(attempt).rejects.toThrow("base image imgs.localhost/does-not-exist:never is not in the local Docker engine (imgs never pulls");
  });

  it("throws BuildAbortedError when aborted mid-step, and the engine then removes the step's container", async () => {
    const marker = `aborting-${unique}`;
    using folder = makeFolder({ Dockerfile: `FROM ${BUSYBOX}\nRUN echo "${marker}" && sleep 30\n` });
    const controller = new AbortController();
    const onOutput = (line: string): void => {
      if (line === marker) controller.abort();
    };
    const attempt = buildImage({ ...engine, context: folder.dir, tags: [tagged("aborted")], onOutput, signal: controller.signal });
    await expect(attempt).rejects.toBeInstanceOf(BuildAbortedError);
    expect(await leftContainers(marker, 20_000)).toEqual([]);
  });
});
