import type { CiFacts, GitSnapshot } from "@imgs/git-helper";
import { describe, expect, it } from "vitest";
import { pickHeadTag, refContextFrom } from "./context-from.js";
import { HEAD_SHA, SHA } from "./test-context.js";

const git = (overrides: Partial<GitSnapshot> = {}): GitSnapshot => ({
  root: "/work/widget",
  commit: SHA,
  message: "Add things",
  branch: "main",
  tags: [],
  allTags: ["v0.9.0", "v1.0.0"],
  defaultBranch: "main",
  commitDate: "2024-01-02T03:04:05Z",
  shallow: false,
  ...overrides,
});

const ci = (overrides: Partial<CiFacts> = {}): CiFacts => ({
  provider: "github",
  eventName: "pull_request",
  ref: "refs/pull/8/merge",
  sha: HEAD_SHA,
  defaultBranch: "trunk",
  baseRef: "trunk",
  prNumber: 8,
  prHeadSha: "1234567890123456789012345678901234567890",
  repository: { name: "widget-ci", htmlUrl: "https://example.test/acme/widget-ci" },
  ...overrides,
});

describe("refContextFrom", () => {
  it("reads a branch checkout as a local push", () => {
    expect(refContextFrom({ git: git(), now: "2024-05-01T00:00:00Z" })).toEqual({
      eventName: "push",
      ref: "refs/heads/main",
      sha: SHA,
      defaultBranch: "main",
      baseRef: null,
      prNumber: null,
      prHeadSha: null,
      usePrHeadSha: false,
      commitDate: "2024-01-02T03:04:05Z",
      now: "2024-05-01T00:00:00Z",
      repo: { name: "widget", htmlUrl: undefined },
      repoTags: ["v0.9.0", "v1.0.0"],
      local: true,
    });
  });

  it.each<[Partial<GitSnapshot>, string, string | null]>([
    [{ tags: ["v1.0.0"] }, "refs/tags/v1.0.0", "main"],
    [{ tags: ["v1.0.0"], branch: undefined }, "refs/tags/v1.0.0", null],
    [{ tags: ["latest", "v1.10.0", "v1.9.0"] }, "refs/tags/v1.10.0", "main"],
    [{ tags: ["beta", "alpha"] }, "refs/tags/alpha", "main"],
    [{ branch: "tickets/DM-1234" }, "refs/heads/tickets/DM-1234", null],
    [{ branch: undefined }, "", null],
  ])("picks the ref of %j", (snapshot, ref, baseRef) => {
    expect(refContextFrom({ git: git(snapshot) })).toMatchObject({ ref, baseRef });
  });

  it("lets CI facts override git and marks the build as CI", () => {
    expect(refContextFrom({ git: git({ tags: ["v1.0.0"] }), ci: ci() })).toMatchObject({
      eventName: "pull_request",
      ref: "refs/pull/8/merge",
      sha: HEAD_SHA,
      defaultBranch: "trunk",
      baseRef: "trunk",
      prNumber: 8,
      repo: { name: "widget-ci", htmlUrl: "https://example.test/acme/widget-ci" },
      commitDate: "2024-01-02T03:04:05Z",
      local: false,
    });
  });

  it("falls back to git where the CI left a fact empty", () => {
    const context = refContextFrom({ git: git({ branch: "dev" }), ci: ci({ eventName: "", ref: "", sha: "", defaultBranch: undefined, repository: undefined }) });
    expect(context).toMatchObject({ eventName: "push", ref: "refs/heads/dev", sha: SHA, defaultBranch: "main", repo: { name: "widget" }, local: false });
  });

  it("works from CI facts alone", () => {
    expect(refContextFrom({ ci: ci() })).toMatchObject({ ref: "refs/pull/8/merge", sha: HEAD_SHA, commitDate: undefined, repoTags: undefined });
  });

  it("lets explicit overrides win, ignoring undefined entries", () => {
    const context = refContextFrom({ git: git(), ci: ci(), overrides: { ref: "refs/heads/release", usePrHeadSha: true, sha: undefined, local: true } });
    expect(context).toMatchObject({ ref: "refs/heads/release", usePrHeadSha: true, sha: HEAD_SHA, local: true });
  });

  it("gives an empty push context with no sources", () => {
    expect(refContextFrom({})).toMatchObject({ eventName: "push", ref: "", sha: "", defaultBranch: "", local: true });
  });
});

describe("pickHeadTag", () => {
  it.each([
    [[], undefined],
    [["v2.0.0", "v10.0.0", "v9.9.9"], "v10.0.0"],
    [["v1.0.0-rc.1", "v1.0.0"], "v1.0.0"],
    [["zeta", "alpha"], "alpha"],
  ])("picks from %j", (tags, expected) => {
    expect(pickHeadTag(tags)).toBe(expected);
  });
});
