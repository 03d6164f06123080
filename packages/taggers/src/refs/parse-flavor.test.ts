import { describe, expect, it } from "vitest";
import { RefFlavorInvalidError } from "./errors.js";
import { DEFAULT_FLAVOR, parseFlavor } from "./parse-flavor.js";

describe("parseFlavor", () => {
  it.each([
    [[], DEFAULT_FLAVOR],
    [["latest=true"], { ...DEFAULT_FLAVOR, latest: "true" }],
    [["latest=false"], { ...DEFAULT_FLAVOR, latest: "false" }],
    [["prefix=app-"], { ...DEFAULT_FLAVOR, prefix: "app-" }],
    [["suffix=-slim,onlatest=true"], { ...DEFAULT_FLAVOR, suffix: "-slim", suffixLatest: true }],
    [["prefix=v,onlatest=true,suffix=-rc"], { ...DEFAULT_FLAVOR, prefix: "v", prefixLatest: true, suffix: "-rc" }],
    [["prefix=a=b"], { ...DEFAULT_FLAVOR, prefix: "a" }],
    [["LATEST = false", "latest=true"], { ...DEFAULT_FLAVOR, latest: "true" }],
    [["onlatest=true"], DEFAULT_FLAVOR],
    [["prefix=x", "onlatest=true"], { ...DEFAULT_FLAVOR, prefix: "x" }],
    [["prefix={{branch}}-"], { ...DEFAULT_FLAVOR, prefix: "{{branch}}-" }],
  ])("reads %j", (lines, expected) => {
    expect(parseFlavor(lines)).toEqual(expected);
  });

  it.each([
    ["latest", undefined],
    ["latest=TRUE", "latest"],
    ["latest=yes", "latest"],
    ["prefix=a,onlatest=1", "onlatest"],
    ["labelprefix=x", "labelprefix"],
    ["sep=,", "sep"],
    ["", undefined],
  ])("throws RefFlavorInvalidError for %j", (line, attribute) => {
    expect(() => parseFlavor([line])).toThrow(RefFlavorInvalidError);
    try {
      parseFlavor([line]);
    } catch (error) {
      expect(error).toMatchObject({ code: "REF_FLAVOR_INVALID", line, attribute });
    }
  });
});
