import { describe, expect, it } from "vitest";
import { checkHighestSemver } from "./latest-policy.js";
import { run } from "./test-context.js";

const REPO_TAGS = ["v1.9.0", "v1.9.1", "v2.0.0", "v2.1.0-rc.1", "nightly", "v10.0.0-beta"];
const semverRules = ["type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}"];

describe("computeRefTags latestRequiresHighestSemver", () => {
  it.each([
    ["v2.0.0", true, ["2.0.0", "2.0", "latest"]],
    ["v1.9.1", true, ["1.9.1", "1.9"]],
    ["v1.9.1", false, ["1.9.1", "1.9", "latest"]],
    ["v2.1.0-rc.1", true, ["2.1.0-rc.1"]],
  ])("on tag %s with the flag %s gives %j", (tag, flag, expected) => {
    const result = run({ tags: semverRules, latestRequiresHighestSemver: flag, ctx: { ref: `refs/tags/${tag}`, repoTags: REPO_TAGS } });
    expect(result.tags).toEqual(expected);
  });

  it("explains a backport that does not move latest", () => {
    const result = run({ tags: semverRules, latestRequiresHighestSemver: true, explain: true, ctx: { ref: "refs/tags/v1.9.1", repoTags: REPO_TAGS } });
    expect(result.explain?.at(-1)).toEqual({
      kind: "latest",
      added: false,
      reason:
        "flavor latest=auto and the first value '1.9.1' (type=semver,pattern={{version}}) marks a release; " +
        "'v1.9.1' is not the highest stable semver: the repository has 'v2.0.0'",
    });
  });

  it("also holds back latest=true on an older release tag", () => {
    const result = run({ tags: ["type=ref,event=tag"], flavor: ["latest=true"], latestRequiresHighestSemver: true, ctx: { ref: "refs/tags/v1.9.0", repoTags: REPO_TAGS } });
    expect(result.tags).toEqual(["v1.9.0"]);
  });

  it("compares repository tags through the rule's match", () => {
    const rules = ["type=semver,pattern={{version}},match=^app-(.*)$"];
    const repoTags = ["app-1.0.0", "app-1.1.0", "other-9.0.0"];
    const latest = (ref: string) => run({ tags: rules, latestRequiresHighestSemver: true, ctx: { ref, repoTags } }).version.latest;
    expect(latest("refs/tags/app-1.1.0")).toBe(true);
    expect(latest("refs/tags/app-1.0.0")).toBe(false);
  });
});

describe("checkHighestSemver", () => {
  it.each([
    [{ semver: undefined, ref: "refs/heads/main", repoTags: ["v9.0.0"] }, true, "not a semver release, so the highest-semver rule does not apply"],
    [{ semver: undefined, ref: "refs/tags/nightly", repoTags: ["v9.0.0"] }, true, "not a semver release, so the highest-semver rule does not apply"],
    [{ semver: "3.0.0", ref: "refs/tags/3.0.0", repoTags: ["3.0.0", "v2.9.9"] }, true, "'3.0.0' is the highest stable semver among the repository's tags"],
    [{ semver: "1.0.0-rc.1", ref: "refs/tags/1.0.0-rc.1", repoTags: [] }, false, "'1.0.0-rc.1' is a pre-release, not a stable release"],
  ])("judges %j", (candidate, keep, reason) => {
    expect(checkHighestSemver({ match: undefined, ...candidate })).toEqual({ keep, reason });
  });

  it.each([
    [{ repoTags: undefined }, "the repository's tags are unknown (no repository was read), so 'v3.0.0' cannot be known to be the highest stable semver"],
    [
      { repoTags: ["v3.0.0"], repoTagsPartial: "the repository is a shallow clone" },
      "the repository's tags may be incomplete: the repository is a shallow clone, so 'v3.0.0' cannot be known to be the highest stable semver",
    ],
    [
      { repoTags: ["v1.0.0"] },
      "the repository's tags do not include 'v3.0.0', the tag being built, so they are not all of the remote's, so 'v3.0.0' cannot be known to be the highest stable semver",
    ],
  ])("does not keep latest when the repository's tags cannot all be seen: %j", (facts, reason) => {
    expect(checkHighestSemver({ match: undefined, semver: undefined, ref: "refs/tags/v3.0.0", ...facts })).toEqual({ keep: false, reason, incomplete: reason });
  });
});

describe("computeRefTags latestRequiresHighestSemver with some tags fetched", () => {
  it("holds latest back in a shallow clone, warns, and explains why", () => {
    const ctx = { ref: "refs/tags/v1.9.1", repoTags: ["v1.9.1"], repoTagsPartial: "the repository is a shallow clone" };
    const result = run({ tags: semverRules, latestRequiresHighestSemver: true, explain: true, ctx });
    expect(result.tags).toEqual(["1.9.1", "1.9"]);
    const why = "the repository's tags may be incomplete: the repository is a shallow clone, so 'v1.9.1' cannot be known to be the highest stable semver";
    expect(result.warnings).toEqual([`latest not added: ${why} (fetch every tag, or drop the highest-semver rule)`]);
    expect(result.explain?.at(-1)).toMatchObject({ kind: "latest", added: false, tagsIncomplete: why });
  });

  it("leaves metadata-action's latest alone without the flag, shallow or not", () => {
    const ctx = { ref: "refs/tags/v1.9.1", repoTags: ["v1.9.1"], repoTagsPartial: "the repository is a shallow clone" };
    const result = run({ tags: semverRules, ctx });
    expect(result.tags).toEqual(["1.9.1", "1.9", "latest"]);
    expect(result.warnings).toBeUndefined();
  });
});
