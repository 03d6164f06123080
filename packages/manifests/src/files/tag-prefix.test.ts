import { describe, expect, it } from "vitest";
import { historyLineFileName, manifestBaseName, manifestFileName, tagsFileName } from "./file-names.js";
import { filePrefix, ociPlatformOf, prefixPlatformOf, tagPrefix, unifyPlatform } from "./tag-prefix.js";

describe("tagPrefix", () => {
  it.each([
    ["x86_64", "default", "x86_64"],
    ["aarch64", "default", "aarch64"],
    ["arm64", "default", "aarch64"],
    ["x86_64", "cuda12", "x86_64-cuda12"],
    ["aarch64", "cuda", "aarch64-cuda"],
  ])("returns the prefix for platform %s and variant %s: %s", (platform, variant, expected) => {
    expect(tagPrefix({ platform, variant })).toBe(expected);
  });
});

describe("filePrefix", () => {
  it.each([
    ["x86_64", "default", "x86_64-default"],
    ["arm64", "cuda12", "aarch64-cuda12"],
  ])("always names the variant: %s %s -> %s", (platform, variant, expected) => {
    expect(filePrefix({ platform, variant })).toBe(expected);
  });
});

describe("unifyPlatform", () => {
  it.each([
    ["x86_64", "x86_64"],
    ["aarch64", "aarch64"],
    ["arm64", "aarch64"],
  ])("names uname -m %s as %s", (uname, expected) => {
    expect(unifyPlatform(uname)).toBe(expected);
  });
});

describe("ociPlatformOf / prefixPlatformOf", () => {
  it.each([
    ["x86_64", "amd64"],
    ["aarch64", "arm64"],
    ["arm64", "arm64"],
  ])("maps the tag prefix platform %s to linux/%s and back", (prefix, architecture) => {
    expect(ociPlatformOf(prefix)).toEqual({ os: "linux", architecture });
    expect(prefixPlatformOf(architecture)).toBe(prefix === "arm64" ? "aarch64" : prefix);
  });

  it("knows no other platform", () => {
    expect(ociPlatformOf("riscv64")).toBeUndefined();
    expect(prefixPlatformOf("s390x")).toBeUndefined();
  });
});

describe("file names", () => {
  const facts = { platform: "x86_64", variant: "default", image: "base-notebook", commit: "0123456789abcdef0123456789abcdef01234567" };

  it("names the tags file P-V-I.txt", () => {
    expect(tagsFileName(facts)).toBe("x86_64-default-base-notebook.txt");
  });

  it("names the manifest P-V-I-S.md and the history line P-V-I-S.txt with a 12-character sha", () => {
    expect(manifestBaseName(facts)).toBe("x86_64-default-base-notebook-0123456789ab");
    expect(manifestFileName(facts)).toBe("x86_64-default-base-notebook-0123456789ab.md");
    expect(historyLineFileName({ ...facts, variant: "cuda12", platform: "aarch64" })).toBe("aarch64-cuda12-base-notebook-0123456789ab.txt");
  });
});
