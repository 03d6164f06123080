import { describe, expect, it } from "vitest";
import type { RefContext } from "./context.js";
import { HEAD_SHA, run, SHA, tagsFor } from "./test-context.js";

const DEFAULT_RULES: readonly string[] = [];

describe("computeRefTags with the default rules", () => {
  it.each<[string, Partial<RefContext>, readonly string[]]>([
    ["a push to a branch", { ref: "refs/heads/dev" }, ["dev"]],
    ["a push to the default branch", { ref: "refs/heads/main" }, ["main"]],
    ["a tag push", { ref: "refs/tags/v1.2.3" }, ["v1.2.3", "latest"]],
    ["a non-semver tag push", { ref: "refs/tags/nightly-2024" }, ["nightly-2024", "latest"]],
    ["a pull request", { eventName: "pull_request", ref: "refs/pull/15/merge", prNumber: 15 }, ["pr-15"]],
    ["a pull request head ref", { eventName: "pull_request", ref: "refs/pull/15/head" }, ["pr-15-head"]],
    ["a schedule", { eventName: "schedule", ref: "refs/heads/main" }, ["nightly", "main"]],
    ["a release", { eventName: "release", ref: "refs/tags/v2.0.0" }, ["v2.0.0", "latest"]],
    ["a workflow_dispatch", { eventName: "workflow_dispatch", ref: "refs/heads/main" }, ["main"]],
    ["an empty context", { eventName: "", ref: "", sha: "" }, []],
  ])("tags %s", (_what, ctx, expected) => {
    expect(tagsFor(DEFAULT_RULES, ctx)).toEqual(expected);
  });
});

describe("computeRefTags pull request events", () => {
  const pr = { eventName: "pull_request", ref: "refs/pull/42/merge", prNumber: 42, prHeadSha: HEAD_SHA, baseRef: "main" };

  it("tags the merge sha by default", () => {
    expect(tagsFor(["type=ref,event=pr", "type=sha"], pr)).toEqual(["pr-42", `sha-${SHA.slice(0, 7)}`]);
  });

  it("tags the head sha with usePrHeadSha", () => {
    const result = run({ tags: ["type=ref,event=pr", "type=sha", "type=raw,value=x-{{sha}}"], ctx: { ...pr, usePrHeadSha: true } });
    expect(result.tags).toEqual(["pr-42", "x-ffee001", "sha-ffee001"]);
    expect(result.labels).toContain(`org.opencontainers.image.revision=${HEAD_SHA}`);
  });

  it("keeps the merge sha with usePrHeadSha when there is no head sha", () => {
    expect(tagsFor(["type=sha"], { ...pr, prHeadSha: null, usePrHeadSha: true })).toEqual([`sha-${SHA.slice(0, 7)}`]);
  });

  it("ignores usePrHeadSha outside pull request events", () => {
    expect(tagsFor(["type=sha"], { ref: "refs/heads/main", prHeadSha: HEAD_SHA, usePrHeadSha: true })).toEqual([`sha-${SHA.slice(0, 7)}`]);
  });

  it("rewrites pull_request_target to the PR ref, so branch rules stop applying", () => {
    const target = { eventName: "pull_request_target", ref: "refs/heads/main", prNumber: 9 };
    expect(tagsFor(["type=ref,event=branch", "type=edge", "type=ref,event=pr"], target)).toEqual(["pr-9"]);
  });

  it("uses the head sha on pull_request_target too", () => {
    expect(tagsFor(["type=sha,format=long"], { eventName: "pull_request_target", ref: "refs/heads/main", prNumber: 9, prHeadSha: HEAD_SHA, usePrHeadSha: true })).toEqual([
      `sha-${HEAD_SHA}`,
    ]);
  });

  it("gives {{base_ref}} the PR base", () => {
    expect(tagsFor(["type=raw,value=into-{{base_ref}}"], pr)).toEqual(["into-main"]);
  });
});

describe("computeRefTags type=schedule", () => {
  const schedule = { eventName: "schedule" };

  it.each([
    ["type=schedule", ["nightly"]],
    ["type=schedule,pattern={{date 'YYYYMMDD'}}", ["20240306"]],
    ["type=schedule,pattern={{date 'YYYYMMDD-HHmm' tz='Asia/Tokyo'}}", ["20240307-0830"]],
    ["type=schedule,pattern={{date 'YYYYMMDD' tz='America/Los_Angeles'}}", ["20240306"]],
    ["type=schedule,pattern=nightly-{{branch}}{{sha}}", ["nightly-"]],
    ["type=schedule,pattern=build-{{commit_date 'MMDD'}}", ["build-0305"]],
    ["type=schedule,pattern={{date 'YYYY'}},prefix={{branch}}-", ["main-2024"]],
  ])("renders %s", (rule, expected) => {
    expect(tagsFor([rule], schedule)).toEqual(expected);
  });

  it("does not apply to other events", () => {
    expect(tagsFor(["type=schedule"], { eventName: "push" })).toEqual([]);
  });

  it("never sets latest by itself", () => {
    expect(run({ tags: ["type=schedule"], ctx: schedule }).version.latest).toBe(false);
  });
});
