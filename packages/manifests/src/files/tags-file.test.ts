import { describe, expect, it } from "vitest";
import { tagPrefix } from "./tag-prefix.js";
import { imageTags, tagsFileContent } from "./tags-file.js";

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
