import { computeRefTagsSync, type RefContext } from "@imgs/taggers";
import { describe, expect, it } from "vitest";
import { NoBuildTagsError } from "./errors.js";
import { buildStamp, stampDockerfile } from "./stamp.js";

const commit = "0123456789abcdef0123456789abcdef01234567";
const refs: RefContext = {
  eventName: "push",
  ref: "refs/tags/v1.2.3",
  sha: commit,
  defaultBranch: "main",
  now: "2024-05-06T07:08:09.000Z",
  repo: { name: "stack", htmlUrl: "https://github.com/acme/stack" },
  local: true,
};

describe("buildStamp", () => {
  it("tags with the 12-character commit tag and latest, and bakes the full sha and the labels imgs refs prints", () => {
    const stamp = buildStamp({ git: { commit }, refs, tags: undefined, shaEnv: "SHA", labels: true });
    expect(stamp.tags).toEqual(["0123456789ab", "latest"]);
    expect(stamp.env).toEqual({ name: "SHA", value: commit });
    expect(stamp.labels).toEqual({
      "org.opencontainers.image.created": "2024-05-06T07:08:09.000Z",
      "org.opencontainers.image.revision": commit,
      "org.opencontainers.image.source": "https://github.com/acme/stack",
      "org.opencontainers.image.title": "stack",
      "org.opencontainers.image.url": "https://github.com/acme/stack",
      "org.opencontainers.image.version": "v1.2.3",
    });
    // The same engine and context as `imgs refs`: every non-empty label of its output.
    const printed = computeRefTagsSync({ context: refs }).labels.filter((entry) => !entry.endsWith("="));
    expect(Object.entries(stamp.labels).map(([key, value]) => `${key}=${value}`)).toEqual(printed);
  });

  it("takes tags from rules and presets, with no sha variable or labels when turned off", () => {
    const stamp = buildStamp({ git: { commit }, refs, tags: ["type=semver,pattern={{version}}", "type=sha,prefix=,length=7"], shaEnv: undefined, labels: false });
    expect(stamp.tags).toEqual(["1.2.3", "0123456", "latest"]);
    expect(stamp.env).toBeUndefined();
    expect(stamp.labels).toEqual({});
    expect(buildStamp({ git: { commit }, refs, tags: ["preset=ltd-keeper"], shaEnv: "V", labels: true }).tags).toEqual(["build"]);
  });

  it("throws NoBuildTagsError when the rules give no tag", () => {
    expect(() => buildStamp({ git: { commit }, refs: { ...refs, ref: "refs/heads/main" }, tags: ["type=semver,pattern={{version}}"], shaEnv: "SHA", labels: true })).toThrow(
      NoBuildTagsError,
    );
  });
});

describe("stampDockerfile", () => {
  const id = `sha256:${"a".repeat(64)}`;
  it("builds FROM the image id and sets the sha variable", () => {
    expect(stampDockerfile(id, { name: "SHA", value: commit })).toBe(`FROM ${id}\nENV SHA=${commit}\n`);
    expect(stampDockerfile(id, undefined)).toBe(`FROM ${id}\n`);
  });

  it("refuses anything that would need quoting", () => {
    expect(() => stampDockerfile("busybox:latest", undefined)).toThrow(RangeError);
    expect(() => stampDockerfile(id, { name: "A B", value: commit })).toThrow(RangeError);
    expect(() => stampDockerfile(id, { name: "SHA", value: "x y" })).toThrow(RangeError);
  });
});
