import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TagsFileError } from "../errors.js";
import { tagPrefix } from "./tag-prefix.js";
import { imageTags, parseTagsFile, readTagsFile, tagsFileContent } from "./tags-file.js";

describe("imageTags", () => {
  it("puts <prefix>-latest first, then one tag per value in order", () => {
    const prefix = tagPrefix({ platform: "x86_64", variant: "default" });
    expect(imageTags({ fullImage: "quay.io/jupyter/base-notebook", prefix, values: ["2024-01-02", "python-3.12.4"] })).toEqual([
      "quay.io/jupyter/base-notebook:x86_64-latest",
      "quay.io/jupyter/base-notebook:x86_64-2024-01-02",
      "quay.io/jupyter/base-notebook:x86_64-python-3.12.4",
    ]);
  });

  it("uses the variant in the prefix", () => {
    expect(imageTags({ fullImage: "r/o/i", prefix: "aarch64-cuda12", values: [] })).toEqual(["r/o/i:aarch64-cuda12-latest"]);
  });
});

describe("tagsFileContent", () => {
  it("writes one tag a line with no newline after the last, as docker-stacks does", () => {
    expect(tagsFileContent(["a:x86_64-latest", "a:x86_64-1"])).toBe("a:x86_64-latest\na:x86_64-1");
  });

  it("ends with a newline when finalNewline is set", () => {
    expect(tagsFileContent(["a:x86_64-latest"], { finalNewline: true })).toBe("a:x86_64-latest\n");
  });
});

describe("imageTags, each tag once", () => {
  it("keeps the first occurrence when ref rules give latest or a value twice", () => {
    expect(imageTags({ fullImage: "r/o/i", prefix: "x86_64", values: ["main", "latest", "1.2.3", "main"] })).toEqual([
      "r/o/i:x86_64-latest",
      "r/o/i:x86_64-main",
      "r/o/i:x86_64-1.2.3",
    ]);
  });
});

describe("parseTagsFile", () => {
  it("returns the references in order, ignoring blank lines and a final newline", () => {
    expect(parseTagsFile("127.0.0.1:5000/o/i:x86_64-latest\n\n127.0.0.1:5000/o/i:x86_64-1\n", "f.txt")).toEqual([
      "127.0.0.1:5000/o/i:x86_64-latest",
      "127.0.0.1:5000/o/i:x86_64-1",
    ]);
  });

  it.each([
    ["", "tags file f.txt: is empty"],
    ["r/o/i:ok\nnot a tag", 'line 2 is not an image reference with a tag: "not a tag"'],
    ["r/o/i", 'line 1 is not an image reference with a tag: "r/o/i"'],
    ["r/o/i:-rf", "line 1 is not an image reference"],
  ])("refuses %j with TagsFileError naming file and line", (text, message) => {
    expect(() => parseTagsFile(text, "f.txt")).toThrow(TagsFileError);
    expect(() => parseTagsFile(text, "f.txt")).toThrow(message);
  });

  it("refuses a line of another repository before returning anything", () => {
    const text = "r/o/i:x86_64-latest\nr/o/victim:latest";
    expect(() => parseTagsFile(text, "f.txt", { repository: "r/o/i" })).toThrow("line 2 names repository r/o/victim, not r/o/i");
    expect(parseTagsFile("r/o/i:x86_64-latest", "f.txt", { repository: "r/o/i" })).toEqual(["r/o/i:x86_64-latest"]);
  });
});

describe("readTagsFile", () => {
  it("reads a file, and says how to make a missing one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "imgs-tags-"));
    try {
      await writeFile(join(dir, "a.txt"), "r/o/i:x86_64-latest");
      await expect(readTagsFile(join(dir, "a.txt"))).resolves.toEqual(["r/o/i:x86_64-latest"]);
      await expect(readTagsFile(join(dir, "missing.txt"))).rejects.toMatchObject({ code: "TAGS_FILE", category: "failure" });
      await expect(readTagsFile(join(dir, "missing.txt"))).rejects.toThrow("does not exist; run `imgs tag`");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
