import { describe, expect, it } from "vitest";
import { testCatalog } from "../__fixtures__/catalog.js";
import { DEFAULT_BUILD_SETTINGS } from "./build-config.js";
import { parseConfig } from "./parse.js";

const options = { catalog: testCatalog(), baseDir: "/repo", file: "/repo/imgs.config.json" };
const images = { base: { dockerfile: "base/Dockerfile" } };

describe("parseConfig build section", () => {
  it("gives the defaults when the config has no build section", () => {
    expect(parseConfig({ images }, options).build).toEqual(DEFAULT_BUILD_SETTINGS);
    expect(DEFAULT_BUILD_SETTINGS).toMatchObject({ baseImageArg: "BASE_IMAGE", shaEnv: "SHA", labels: true, tags: undefined });
  });

  it("reads names, a disabled sha, labels off and tag rules", () => {
    const build = { baseImageArg: "PARENT", shaEnv: false, labels: false, tags: "preset=ltd-keeper", flavor: ["latest=false"] };
    const result = parseConfig({ images, build }, options);
    expect(result.errors).toEqual([]);
    expect(result.build).toEqual({ baseImageArg: "PARENT", shaEnv: undefined, labels: false, tags: ["preset=ltd-keeper"], flavor: ["latest=false"] });
  });

  it.each([
    [{ shaEnv: "1SHA" }, "build.shaEnv", "INVALID_VARIABLE_NAME"],
    [{ baseImageArg: "BASE IMAGE" }, "build.baseImageArg", "INVALID_VARIABLE_NAME"],
    [{ labels: "yes" }, "build.labels", "INVALID_TYPE"],
    [{ tags: [1] }, "build", "INVALID_TYPE"],
    [{ tags: ["type=bogus"] }, "build.tags", "INVALID_REF_RULE"],
    ["SHA", "build", "INVALID_TYPE"],
  ])("reports %j at %s", (build, path, code) => {
    const result = parseConfig({ images, build }, options);
    expect(result.hierarchy).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it("warns about an unknown key with a did-you-mean", () => {
    const result = parseConfig({ images, build: { shaenv: "X" } }, options);
    expect(result.warnings[0]?.message).toMatch(/unknown key "shaenv".*did you mean "shaEnv"/);
  });
});
