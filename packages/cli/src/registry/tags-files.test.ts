import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TagsFileError } from "@imgs/manifests";
import { mergedTags, platformTagOf, readAllPlatformTags, readPlatformTags } from "./tags-files.js";

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "imgs-tags-files-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe("mergedTags", () => {
  it("strips each platform's prefix as docker-stacks' str.replace does, platforms in file order", () => {
    const merged = mergedTags([
      { platform: "aarch64", file: "a", tags: ["r.io/o/i:aarch64-latest", "r.io/o/i:aarch64-python-3.12"] },
      { platform: "x86_64", file: "x", tags: ["r.io/o/i:x86_64-latest", "r.io/o/i:x86_64-cuda-x86_64-only"] },
    ]);
    expect([...merged].map(([tag, platforms]) => [tag, [...platforms]])).toEqual([
      ["r.io/o/i:latest", ["aarch64", "x86_64"]],
      ["r.io/o/i:python-3.12", ["aarch64"]],
      // Every occurrence goes, as in Python: the same name docker-stacks would merge to.
      ["r.io/o/i:cuda-only", ["x86_64"]],
    ]);
  });
});

describe("platformTagOf", () => {
  it("puts the platform after the last colon, so a registry port stays", () => {
    expect(platformTagOf("127.0.0.1:5000/o/i:cuda-latest", "x86_64")).toBe("127.0.0.1:5000/o/i:x86_64-cuda-latest");
  });
});

describe("readPlatformTags", () => {
  it("reads every line and reports a missing file only when one is required", async () => {
    const dir = await folder({ "x86_64-default-i.txt": "r.io/o/i:x86_64-latest\nr.io/o/i:x86_64-a" });
    expect(await readPlatformTags(dir, { platform: "x86_64", variant: "default", image: "i", required: true })).toEqual({
      platform: "x86_64",
      file: join(dir, "x86_64-default-i.txt"),
      tags: ["r.io/o/i:x86_64-latest", "r.io/o/i:x86_64-a"],
    });
    expect(await readPlatformTags(dir, { platform: "aarch64", variant: "default", image: "i", required: false })).toBeUndefined();
    await expect(readPlatformTags(dir, { platform: "aarch64", variant: "default", image: "i", required: true })).rejects.toThrow(/aarch64-default-i\.txt: does not exist; run `imgs tag`/);
    await expect(readPlatformTags(dir, { platform: "x86_64", variant: "default", image: "i", required: true, repository: "r.io/o/other" })).rejects.toThrow(
      /line 1 names repository r\.io\/o\/i, not r\.io\/o\/other/,
    );
    expect((await readAllPlatformTags(dir, { variant: "default", image: "i" })).map((f) => f.platform)).toEqual(["x86_64"]);
  });

  it.each([
    ["r.io/o/i:x86_64-latest\nr.io/o/i", 'line 2 is not an image reference with a tag: "r.io/o/i"'],
    ["r.io/o/i@sha256:" + "a".repeat(64), "line 1 is not an image reference with a tag"],
    ["r.io/O/i:x", 'line 1 is not an image reference with a tag: "r.io/O/i:x"'],
    ["\n\n", "is empty"],
  ])("refuses %j with the tags file's own TagsFileError", async (text, reason) => {
    const dir = await folder({ "x86_64-default-i.txt": text });
    const error = await readPlatformTags(dir, { platform: "x86_64", variant: "default", image: "i", required: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TagsFileError);
    expect(error).toMatchObject({ file: join(dir, "x86_64-default-i.txt") });
    expect((error as Error).message).toContain(reason);
  });
});
