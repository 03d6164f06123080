import type { CiFacts, GitSnapshot } from "@imgs/git-helper";
import { describe, expect, it } from "vitest";
import { pickHeadTag, refContextFrom } from "./context-from.js";
import { RefContextInvalidError } from "./errors.js";
import { HEAD_SHA, SHA } from "./test-context.js";

const git = (overrides: Partial<GitSnapshot> = {}): GitSnapshot => ({
  root: "/work/widget",
  commit: SHA,
  message: "Add things",
  branch: "main",
  headRef: { ref: "refs/heads/main", source: "checked-out", via: "HEAD" },
  tags: [],
  allTags: ["v0.9.0", "v1.0.0"],
  defaultBranch: "main",
  commitDate: "2024-01-02T03:04:05Z",
  shallow: false,
  ...overrides,
});

const NOW = "2024-05-01T00:00:00Z";
const detached = (headRef: GitSnapshot["headRef"]): Partial<GitSnapshot> => ({ branch: undefined, headRef });

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
      source: "workflow",
      origin: { ref: "git: the checked-out branch", sha: "git: HEAD" },
      commitDate: "2024-01-02T03:04:05Z",
      now: "2024-05-01T00:00:00Z",
      repo: { name: "widget", htmlUrl: undefined },
      repoTags: ["v0.9.0", "v1.0.0"],
      local: true,
    });
  });

  it.each<[Partial<GitSnapshot>, string, string | null, string]>([
    [{ tags: ["v1.0.0"] }, "refs/tags/v1.0.0", "main", "git: tag v1.0.0 is at HEAD"],
    [{ tags: ["v1.0.0"], ...detached(undefined) }, "refs/tags/v1.0.0", null, "git: tag v1.0.0 is at HEAD"],
    [{ tags: ["latest", "v1.10.0", "v1.9.0"] }, "refs/tags/v1.10.0", "main", "git: tag v1.10.0 is at HEAD (the highest version of the 3 tags there)"],
    [{ tags: ["beta", "alpha"] }, "refs/tags/alpha", "main", "git: tag alpha is at HEAD (the highest version of the 2 tags there)"],
    [
      { branch: "tickets/DM-1234", headRef: { ref: "refs/heads/tickets/DM-1234", source: "checked-out", via: "HEAD" } },
      "refs/heads/tickets/DM-1234",
      null,
      "git: the checked-out branch",
    ],
    [
      detached({ ref: "refs/heads/main", source: "remote-branch-at-head", via: "refs/remotes/origin/main" }),
      "refs/heads/main",
      null,
      "git: inferred from refs/remotes/origin/main (HEAD is detached at its tip)",
    ],
    [
      detached({ ref: "refs/heads/main", source: "branch-containing-head", via: "refs/heads/main" }),
      "refs/heads/main",
      null,
      "git: inferred from refs/heads/main (HEAD is detached at an older commit of it, the newest branch holding HEAD)",
    ],
    [detached(undefined), "", null, "git: HEAD is detached and no branch or tag names or holds it"],
  ])("picks the ref of %j", (snapshot, ref, baseRef, origin) => {
    expect(refContextFrom({ git: git(snapshot), now: NOW })).toMatchObject({ ref, baseRef, origin: { ref: origin } });
  });

  it("lets CI facts override git and marks the build as CI", () => {
    expect(refContextFrom({ git: git({ tags: ["v1.0.0"] }), ci: ci(), now: NOW })).toMatchObject({
      eventName: "pull_request",
      ref: "refs/pull/8/merge",
      sha: HEAD_SHA,
      defaultBranch: "trunk",
      baseRef: "trunk",
      prNumber: 8,
      repo: { name: "widget-ci", htmlUrl: "https://example.test/acme/widget-ci" },
      // The CI built another commit than HEAD and told no date: the engine uses `now`.
      commitDate: undefined,
      origin: { ref: "GitHub Actions: the event's ref (context workflow)", sha: "GitHub Actions: the event's commit (context workflow)" },
      local: false,
    });
  });

  it("takes the commit date from the CI, else from git when git's HEAD is the CI's commit", () => {
    expect(refContextFrom({ git: git(), ci: ci({ commitDate: "2024-02-02T00:00:00Z" }), now: NOW }).commitDate).toBe("2024-02-02T00:00:00Z");
    expect(refContextFrom({ git: git(), ci: ci({ sha: SHA }), now: NOW }).commitDate).toBe("2024-01-02T03:04:05Z");
  });

  it("takes ref, sha and commit date from the repository with source git, whatever the CI says", () => {
    const context = refContextFrom({ git: git({ branch: "dev", headRef: { ref: "refs/heads/dev", source: "checked-out", via: "HEAD" } }), ci: ci(), source: "git", now: NOW });
    expect(context).toMatchObject({
      eventName: "pull_request",
      ref: "refs/heads/dev",
      sha: SHA,
      commitDate: "2024-01-02T03:04:05Z",
      defaultBranch: "trunk",
      prNumber: 8,
      source: "git",
      origin: { ref: "git: the checked-out branch", sha: "git: HEAD" },
      local: false,
    });
  });

  it("throws RefContextInvalidError for source git without a repository", () => {
    expect(() => refContextFrom({ ci: ci(), source: "git", now: NOW })).toThrow(RefContextInvalidError);
  });

  it("falls back to git where the CI left a fact empty", () => {
    const dev = git({ branch: "dev", headRef: { ref: "refs/heads/dev", source: "checked-out", via: "HEAD" } });
    const context = refContextFrom({ git: dev, ci: ci({ eventName: "", ref: "", sha: "", defaultBranch: undefined, repository: undefined }), now: NOW });
    expect(context).toMatchObject({ eventName: "push", ref: "refs/heads/dev", sha: SHA, defaultBranch: "main", repo: { name: "widget" }, local: false });
  });

  it("works from CI facts alone", () => {
    expect(refContextFrom({ ci: ci(), now: NOW })).toMatchObject({ ref: "refs/pull/8/merge", sha: HEAD_SHA, commitDate: undefined, repoTags: undefined });
  });

  it("lets explicit overrides win, ignoring undefined entries", () => {
    const context = refContextFrom({ git: git(), ci: ci(), overrides: { ref: "refs/heads/release", usePrHeadSha: true, sha: undefined, local: true }, now: NOW });
    expect(context).toMatchObject({ ref: "refs/heads/release", usePrHeadSha: true, sha: HEAD_SHA, local: true, origin: { ref: "given explicitly" } });
  });

  it("gives an empty push context with no sources", () => {
    expect(refContextFrom({ now: NOW })).toMatchObject({ eventName: "push", ref: "", sha: "", defaultBranch: "", local: true });
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
