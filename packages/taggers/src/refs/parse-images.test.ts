import { describe, expect, it } from "vitest";
import { RefImageInvalidError } from "./errors.js";
import { parseImages } from "./parse-images.js";

describe("parseImages", () => {
  it.each([
    [[], []],
    [["Org/App"], [{ name: "org/app", enable: true }]],
    [["ghcr.io/a/b,docker.io/c/d"], [{ name: "ghcr.io/a/b", enable: true }, { name: "docker.io/c/d", enable: true }]],
    [["name=ghcr.io/a/b,enable=false"], [{ name: "ghcr.io/a/b", enable: false }]],
    [["a/b,c/d", "e/f"], [{ name: "c/d", enable: true }, { name: "e/f", enable: true }]],
    [["x/y", "x/y"], [{ name: "x/y", enable: true }, { name: "x/y", enable: true }]],
    [["name=A/B,enable=true", "C/D"], [{ name: "a/b", enable: true }, { name: "c/d", enable: true }]],
  ])("reads %j", (lines, expected) => {
    expect(parseImages(lines)).toEqual(expected);
  });

  it.each([
    [["name=a/b,enable=yes"], "enable"],
    [["name=a/b,platform=linux"], "platform"],
    [["enable=true"], "name"],
    [["name=a/b", "name="], "name"],
    [['a"b'], undefined],
  ])("throws RefImageInvalidError for %j", (lines, attribute) => {
    expect(() => parseImages(lines)).toThrow(RefImageInvalidError);
    try {
      parseImages(lines);
    } catch (error) {
      expect(error).toMatchObject({ code: "REF_IMAGE_INVALID", attribute });
    }
  });
});
