import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDocker, inspectImage, removeImage } from "@imgs/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedDeps } from "../__fixtures__/captured-deps.js";
import { ParentFailedError, UsageError } from "../errors.js";
import { buildImages } from "./build.js";

const owner = `imgs-test-build-${process.pid}`;
const { docker } = createDocker();
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "imgs-build-"));
  const files: Record<string, string> = {
    "base/Dockerfile": "FROM imgs.localhost/busybox:latest\nRUN echo base > /base.txt\n",
    // The child reads its parent from BASE_IMAGE, which imgs passes.
    "child/Dockerfile": "ARG BASE_IMAGE\nFROM $BASE_IMAGE\nARG GREETING\nRUN cat /base.txt && echo \"$GREETING\" > /child.txt\n",
    "broken/Dockerfile": "FROM imgs.localhost/busybox:latest\nRUN echo about to fail && exit 3\n",
    "orphan/Dockerfile": "ARG BASE_IMAGE\nFROM $BASE_IMAGE\n",
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  writeFileSync(
    join(dir, "imgs.config.yaml"),
    [
      `registry: imgs.localhost`,
      `owner: ${owner}`,
      `images:`,
      `  base: {dockerfile: base/Dockerfile}`,
      `  child: {parent: base, dockerfile: child/Dockerfile, buildArgs: {GREETING: hello}}`,
      `  broken: {dockerfile: broken/Dockerfile}`,
      `  orphan: {parent: broken, dockerfile: orphan/Dockerfile}`,
      `  nofile: {parent: base}`,
    ].join("\n"),
  );
});

afterAll(async () => {
  for (const image of ["child", "base"]) await removeImage(`imgs.localhost/${owner}/${image}:latest`, { docker, force: true }).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe("buildImages", () => {
  it("builds parents first and passes the parent as BASE_IMAGE and the config's build args", async () => {
    const deps = capturedDeps({ cwd: dir, docker: () => Promise.resolve(docker) });
    const { built, failures } = await buildImages({ images: ["child", "base"] }, deps);
    expect(failures).toEqual([]);
    expect(built.map((b) => b.image)).toEqual(["base", "child"]);
    const child = await inspectImage(`imgs.localhost/${owner}/child:latest`, { docker });
    expect(child.id).toBe(built[1]?.id);
    expect(deps.err()).toMatch(/child: built imgs.localhost\/.*\/child:latest/);
  });

  it("fails an image whose RUN step fails, and skips its children with ParentFailedError", async () => {
    const { built, failures } = await buildImages({ images: ["orphan", "broken"], quiet: true }, capturedDeps({ cwd: dir, docker: () => Promise.resolve(docker) }));
    expect(built).toEqual([]);
    const byImage = Object.fromEntries(failures.map((f) => [f.image, f.error]));
    expect(byImage.broken?.message).toMatch(/about to fail/);
    expect(byImage.orphan).toBeInstanceOf(ParentFailedError);
    expect(byImage.orphan?.message).toBe("not built because its parent broken failed");
  });

  it("throws UsageError before building when an image has no Dockerfile", async () => {
    await expect(buildImages({ images: ["nofile"] }, capturedDeps({ cwd: dir }))).rejects.toThrow(UsageError);
    await expect(buildImages({ all: true }, capturedDeps({ cwd: dir }))).rejects.toThrow("no dockerfile in the config for: nofile");
  });
});
