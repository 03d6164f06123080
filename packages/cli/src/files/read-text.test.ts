import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTextIfExists } from "./read-text.js";

describe("readTextIfExists", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "imgs-read-text-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("returns a file's text, and undefined where there is no file: none, under a file, a folder", async () => {
    await writeFile(join(dir, "a.txt"), "héllo\n");
    expect(await readTextIfExists(join(dir, "a.txt"))).toBe("héllo\n");
    expect(await readTextIfExists(join(dir, "missing.txt"))).toBeUndefined();
    expect(await readTextIfExists(join(dir, "a.txt", "below"))).toBeUndefined();
    expect(await readTextIfExists(dir)).toBeUndefined();
  });
});
