import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureExampleImages, labelNewContainers, recordContainerEvents, testRunLabel } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Results reused by image id, through the binary on the example tree: the cache lives in the
// user's cache folder (XDG_CACHE_HOME here), a rerun on unchanged images starts no container
// (counted from the engine's events), `imgs tag` then `imgs manifest` start one container per
// image in all, --no-cache starts them again, and the files are the same every time.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const CONFIG = join(ROOT, "examples/debian-stack/imgs.config.ts");
const work = mkdtempSync(join(tmpdir(), "imgs-exec-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => ensureExampleImages(), 600_000);

interface BinRun {
  code: number;
  stderr: string;
  created: number;
}

async function imgs(cache: string, out: string, ...args: string[]): Promise<BinRun> {
  const label = labelNewContainers();
  try {
    const events = await recordContainerEvents([testRunLabel(), label.label]);
    const tags = ["--tags-dir", join(out, "tags")];
    const manifests = ["--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];
    const dirs = args[0] === "tag" ? tags : args[0] === "manifest" ? manifests : [...tags, ...manifests];
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(
        process.execPath,
        ["--import", TSX, join(ROOT, "packages/cli/src/bin.ts"), ...args, "-c", CONFIG, "--all", "--platform", "x86_64", ...dirs],
        { cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: cache }, encoding: "utf8" },
        (error, _stdout, err) => done({ code: error ? Number(error.code) : 0, stderr: err }),
      ),
    );
    return { code, stderr, created: (await events.settle()).filter((e) => e.action === "create").length };
  } finally {
    label.restore();
  }
}

/** Every file of a folder, without the build timestamps (they differ from run to run by design). */
function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const sub of readdirSync(dir)) {
    for (const name of readdirSync(join(dir, sub))) files[`${sub}/${name}`] = readFileSync(join(dir, sub, name), "utf8").replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "T");
  }
  return files;
}

describe("imgs hook with the exec cache", () => {
  it("starts a container per image on the first run, none on the rerun, and all again with --no-cache", async () => {
    const cache = join(work, "cache-hook");
    const first = await imgs(cache, join(work, "first"), "hook");
    expect([first.code, first.created], first.stderr).toEqual([0, 4]);
    expect(first.stderr).toMatch(/^python: .*0 of \d+ command results from the cache/m);
    expect(readdirSync(join(cache, "imgs/exec")).length).toBeGreaterThan(0);

    const rerun = await imgs(cache, join(work, "rerun"), "hook");
    expect([rerun.code, rerun.created], rerun.stderr).toEqual([0, 0]);
    const counts = [...rerun.stderr.matchAll(/: .*?(\d+) of (\d+) command results from the cache/g)].map((m) => [m[1], m[2]]);
    expect(counts).toHaveLength(4);
    for (const [cached, all] of counts) expect(cached).toBe(all);

    const uncached = await imgs(cache, join(work, "uncached"), "hook", "--no-cache");
    expect([uncached.code, uncached.created]).toEqual([0, 4]);
    expect(uncached.stderr).not.toContain("from the cache");

    expect(filesOf(join(work, "rerun"))).toEqual(filesOf(join(work, "first")));
    expect(filesOf(join(work, "uncached"))).toEqual(filesOf(join(work, "first")));
  }, 600_000);

  it("costs one container per image for imgs tag then imgs manifest", async () => {
    const cache = join(work, "cache-two-steps");
    const tag = await imgs(cache, join(work, "steps"), "tag");
    const manifest = await imgs(cache, join(work, "steps"), "manifest");
    expect([tag.code, manifest.code], tag.stderr + manifest.stderr).toEqual([0, 0]);
    expect([tag.created, manifest.created]).toEqual([4, 0]);
  }, 600_000);
});
