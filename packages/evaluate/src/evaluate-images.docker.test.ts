import { randomUUID } from "node:crypto";
import { builtinCatalog, parseConfigOrThrow, type Hierarchy } from "@imgs/hierarchy";
import { defineManifest } from "@imgs/manifests";
import { execOrThrow, quotedOutput } from "@imgs/runner";
import { defineTagger, type Tagger } from "@imgs/taggers";
import { containersWithLabel, fakeGit, fakeRefs, FIXED_NOW, recordContainerEvents, testEngine } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { evaluateImages } from "./evaluate-images.js";
import type { EvaluateOptions, EvaluationEvent } from "./types.js";

// imgs.localhost/busybox:latest (made by scripts/engine.sh) as the image "busybox" of a hierarchy
// with registry imgs.localhost and no owner; "child" and "sibling" are the same image under other names.
const { docker, labels: runLabels } = testEngine();

function hierarchyOf(images: Record<string, { parent?: string; taggers?: unknown[]; manifests?: unknown[] }>): Hierarchy {
  return parseConfigOrThrow({ registry: "imgs.localhost", images }, { catalog: builtinCatalog(), baseDir: "/" }).hierarchy;
}

/** Options for one run, its containers carrying a label of their own, so the engine's events can be counted. */
function runOptions(hierarchy: Hierarchy, over: Partial<EvaluateOptions> = {}) {
  const label = `dev.imgs.test-case=${randomUUID()}`;
  const [key = "", value = ""] = label.split("=");
  const options: EvaluateOptions = {
    hierarchy,
    docker,
    git: fakeGit(),
    refs: fakeRefs({ ref: "refs/heads/feature/login" }),
    now: FIXED_NOW,
    prefix: "x86_64",
    jobs: 2,
    container: { labels: { ...runLabels, [key]: value } },
    ...over,
  };
  return { options, label };
}

const unameTagger = defineTagger("uname", async ({ container }) => `kernel-${(await execOrThrow(container, ["uname", "-s"])).toLowerCase()}`);

describe("evaluateImages", () => {
  it("returns each image's tag values with their taggers and its manifest pieces, from one container an image", async () => {
    const hierarchy = hierarchyOf({
      busybox: { taggers: ["commit-sha", "date", unameTagger, { refs: ["type=ref,event=branch", "type=raw,value={{date 'YYYY-MM-DD'}}"] }] },
    });
    const { options, label } = runOptions(hierarchy, {
      manifests: true,
      build: { repository: "acme/images" },
    });
    const events = await recordContainerEvents([label]);
    const steps: EvaluationEvent[] = [];
    const result = await evaluateImages(["busybox"], { ...options, onEvent: (e) => steps.push(e) });
    const seen = await events.settle();

    expect(result.failures).toEqual([]);
    const [busybox] = result.images;
    expect(busybox?.tags).toEqual([
      { value: "0123456789ab", tagger: "commit-sha" },
      { value: "2024-01-02", tagger: "date" },
      { value: "kernel-linux", tagger: "uname" },
      { value: "feature-login", tagger: "refs(type=ref,event=branch; type=raw,value={{date 'YYYY-MM-DD'}})" },
      // The raw rule's 2024-01-02 came first from the date tagger: each value once.
    ]);
    expect(busybox).toMatchObject({ image: "busybox", fullImage: "imgs.localhost/busybox", ref: "imgs.localhost/busybox:latest" });
    expect(busybox?.info.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(busybox?.pieces?.map((p) => p.title)).toEqual(["Build Info"]);
    expect(busybox?.pieces?.[0]?.sections[0]).toContain("- Docker image: `imgs.localhost/busybox:0123456789ab`");
    expect(busybox?.pieces?.[0]?.sections[0]).toContain("[0123456789abcdef0123456789abcdef01234567](https://github.com/acme/images/commit/");
    expect(seen.filter((e) => e.action === "create")).toHaveLength(1);
    expect(seen.filter((e) => e.action === "destroy")).toHaveLength(1);
    expect(steps.map((e) => e.type)).toEqual(["step", "step", "step", "done"]);
    expect(await containersWithLabel(label)).toEqual([]);
  });

  it("inherits the parent's taggers and manifests, root first, and runs a command asked twice once", async () => {
    let unameRuns = 0;
    const counting = defineTagger("counting", async ({ container }) => {
      unameRuns++;
      return (await execOrThrow(container, "uname -m")).replaceAll("_", "-");
    });
    const os = defineManifest("os", async ({ container }) => ({ title: "OS", sections: [await quotedOutput(container, "uname -m")] }));
    const hierarchy = hierarchyOf({ busybox: { taggers: [unameTagger] }, child: { parent: "busybox", taggers: [counting], manifests: [os] } });
    // "child" is busybox under another name: tag the image so the hierarchy can start it.
    await docker.getImage("imgs.localhost/busybox:latest").tag({ repo: "imgs.localhost/child", tag: "latest" });
    try {
      const { options } = runOptions(hierarchy, { manifests: true });
      const result = await evaluateImages(["child"], options);
      expect(result.failures).toEqual([]);
      expect(result.images[0]?.tags.map((t) => t.tagger)).toEqual(["uname", "counting"]);
      expect(result.images[0]?.pieces?.map((p) => p.title)).toEqual(["Build Info", "OS"]);
      expect(unameRuns).toBe(1);
    } finally {
      await docker.getImage("imgs.localhost/child:latest").remove();
    }
  });

  it("fails the image whose tagger fails, names it, and still evaluates the others", async () => {
    const failing = defineTagger("failing", async ({ container }) => execOrThrow(container, ["sh", "-c", "echo boom >&2; exit 3"]));
    const hierarchy = hierarchyOf({ busybox: { taggers: [unameTagger] }, missing: { taggers: [failing] } });
    const { options, label } = runOptions(hierarchy);
    const result = await evaluateImages(["busybox", "missing"], options);
    expect(result.images.map((i) => i.image)).toEqual(["busybox"]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ image: "missing", error: { code: "IMAGE_NOT_FOUND" } });
    expect(await containersWithLabel(label)).toEqual([]);

    const broken = hierarchyOf({ busybox: { taggers: [failing] } });
    const second = await evaluateImages(["busybox"], runOptions(broken).options);
    expect(second.failures[0]?.error).toMatchObject({ code: "TAGGER_FAILED", tagger: "failing", image: "busybox" });
    expect(second.failures[0]?.error.message).toContain("exited with code 3");
    expect(second.failures[0]?.error.message).toContain("boom");
  });

  it("fails a JavaScript tagger that never settles after the time limit and removes its container", async () => {
    const never: Tagger = defineTagger("never", () => new Promise<string>(() => undefined));
    const { options, label } = runOptions(hierarchyOf({ busybox: { taggers: [never] } }), { timeoutMs: 300 });
    const result = await evaluateImages(["busybox"], options);
    expect(result.failures[0]?.error).toMatchObject({ code: "TAGGER_FAILED", tagger: "never", cause: { code: "DEADLINE_EXCEEDED", timeoutMs: 300 } });
    expect(result.failures[0]?.error.message).toContain('tagger "never" did not finish: its image ran no command for 300 ms while it waited');
    expect(await containersWithLabel(label)).toEqual([]);
  });

  it("stops on abort: running commands end, queued images never start a container, and none is left", async () => {
    const slow = defineTagger("slow", async ({ container }) => execOrThrow(container, ["sleep", "30"]));
    const hierarchy = hierarchyOf({ busybox: { taggers: [slow] }, a: { parent: "busybox" }, b: { parent: "busybox" }, c: { parent: "busybox" } });
    for (const name of ["a", "b", "c"]) await docker.getImage("imgs.localhost/busybox:latest").tag({ repo: `imgs.localhost/${name}`, tag: "latest" });
    try {
      const controller = new AbortController();
      const { options, label } = runOptions(hierarchy, { jobs: 1, signal: controller.signal });
      const events = await recordContainerEvents([label]);
      const started = Date.now();
      const running = evaluateImages(["busybox", "a", "b", "c"], {
        ...options,
        onEvent: (e) => {
          if (e.type === "step" && e.step.startsWith("running")) setTimeout(() => controller.abort(new Error("stop")), 200);
        },
      });
      const result = await running;
      const seen = await events.settle();
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.images).toEqual([]);
      expect(result.failures.map((f) => f.error)).toEqual(expect.arrayContaining([expect.objectContaining({ code: "EVALUATION_ABORTED" })]));
      expect(result.failures).toHaveLength(4);
      // Only the first image got a container: the run stopped before the queued ones started.
      expect(seen.filter((e) => e.action === "create")).toHaveLength(1);
      expect(await containersWithLabel(label)).toEqual([]);
    } finally {
      for (const name of ["a", "b", "c"]) await docker.getImage(`imgs.localhost/${name}:latest`).remove();
    }
  });

  it("throws UnknownImageError before any container starts", async () => {
    const { options, label } = runOptions(hierarchyOf({ busybox: {} }));
    await expect(evaluateImages(["busybx"], options)).rejects.toMatchObject({ code: "UNKNOWN_IMAGE" });
    expect(await containersWithLabel(label)).toEqual([]);
  });
});
